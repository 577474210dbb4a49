"""The coaching feature's emails, in the core's catalogue (website/notify.py)."""

from website import notify

PARTNER_INVITED = notify.register(
    "pairing_partner_invited",
    "A Lived Experience Partner: would you work with this leader? (role, organisation type "
    "and region only; no contact details until they accept).",
)
LEADER_INTRODUCED = notify.register(
    "pairing_leader_introduced",
    "The leader: who their partner is, and how to sign in to follow the pairing.",
)
PARTNER_INTRODUCED = notify.register(
    "pairing_partner_introduced",
    "The partner: the leader's name and email address, once they accepted and staff "
    "introduced them.",
)
PARTNER_ANSWERED = notify.register(
    "pairing_partner_answered",
    "Programme staff: the proposed partner accepted or declined a pairing.",
)
REFLECTION_REQUEST = notify.register(
    "pairing_reflection_request",
    "Both sides of a finished pairing: please write a short reflection.",
)
