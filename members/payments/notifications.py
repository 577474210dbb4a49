"""The payments feature's emails. Money stays in the portal: no email names an amount,
a limit or a benefits answer, only that there is something to look at."""

from website import notify

CLAIM_TO_REVIEW = notify.register(
    "payment_claim_to_review",
    "The person: a claim for something they took part in is ready for them to check and "
    "send (no amounts).",
)
CLAIM_MOVED = notify.register(
    "payment_claim_moved",
    "The person: their claim was approved, paid or returned to them (no amounts).",
)
CLAIM_SENT = notify.register(
    "payment_claim_sent",
    "Staff who approve claims: a claim is waiting for approval (no names or amounts).",
)
