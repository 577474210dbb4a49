"""Action learning sets: a few senior leaders meeting several times, facilitated by one or
two Lived Experience Partners; each session is an event of members.events."""
