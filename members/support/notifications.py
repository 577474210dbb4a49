"""Partner support's emails. A debrief request stays in the admin: the email names no
partner, session or note, only that someone asked, with a link."""

from website import notify

DEBRIEF_REQUESTED = notify.register(
    "debrief_requested",
    "Partner support staff: a partner asked for a debrief (no names or details).",
)
