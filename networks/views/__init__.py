"""Network views: the co-chair workspace, member actions, feeds and calendars."""
