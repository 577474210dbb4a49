"""Admin registrations and portal panels for the members app; features add theirs below."""
