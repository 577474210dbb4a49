"""Safeguarding and wellbeing concerns: raised by staff and partners, read only by the
designated safeguarding leads, every view audited, kept apart from ordinary history."""
