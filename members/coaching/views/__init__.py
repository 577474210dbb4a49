"""Pairings in the portal: access.py decides what a person may open; portal.py the list,
the pairing and its moves; records.py sessions, claims, reflections and availability;
panels.py the dashboard panel and things to do."""
