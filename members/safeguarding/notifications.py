"""The safeguarding feature's one email: a concern needs the leads. It names nobody and
says nothing of what happened, only that there is a concern (flagged when someone may be
at immediate risk) and where to read it after signing in."""

from website import notify

CONCERN_RAISED = notify.register(
    "safeguarding_concern_raised",
    "Designated safeguarding leads: a concern was raised and needs them (no names or "
    "details; flagged when someone may be at immediate risk).",
    priority="high",
)
