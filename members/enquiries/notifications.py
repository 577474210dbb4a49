"""The enquiries feature's emails, in the core's catalogue (website/notify.py)."""

from website import notify

ENQUIRY_RECEIVED = notify.register(
    "enquiry_received",
    "Programme staff: a new enquiry has arrived (no message or contact details).",
)
ENQUIRY_ACKNOWLEDGEMENT = notify.register(
    "enquiry_acknowledgement",
    "The enquirer: we have your enquiry, its reference and what happens next.",
)
