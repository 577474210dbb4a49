"""The learning sets' emails: an invitation to a set (with the account link for someone new),
and a session added to a set they are in."""

from website import notify

SET_INVITATION = notify.register(
    "learning_set_invitation",
    "A leader: invited to a learning set; with a link to set up an account if they have none.",
)
SESSION_ADDED = notify.register(
    "learning_session_added",
    "Each leader and facilitator in a set: a session was added (date and how to join).",
)
