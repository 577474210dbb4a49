"""Support for Lived Experience Partners: their training record (which matching respects)
and debriefs they ask for after a hard session."""
