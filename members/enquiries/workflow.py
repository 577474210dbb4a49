"""An enquiry's states and who may move it: programme staff, and co-chairs of the network
an enquiry is routed to, for the moves of their own network's enquiries.

new -> in progress -> matched / referred -> closed; spam from new or in progress, and back to
new for a false alarm; closed reopens to in progress. Closing stamps `closed_at`, which the
retention period runs from, whoever closes it (website/workflow.py does the stamping).
"""

from members.enquiries.models import Enquiry
from members.enquiries.permissions import can_change_enquiry
from website import activity, roles
from website.workflow import Transition, Workflow

S = Enquiry.Status


def staff_may(user, enquiry):
    return can_change_enquiry(user, enquiry)


def staff_or_cochair_may(user, enquiry):
    """Staff, or a current co-chair of the network the enquiry was sent to (never spam)."""
    if staff_may(user, enquiry):
        return True
    return bool(
        enquiry.network_page_id
        and enquiry.status != S.SPAM
        and roles.has(user, roles.COCHAIR, enquiry.network_page_id)
    )


ENQUIRY_FLOW = Workflow(
    Enquiry,
    transitions=[
        Transition(
            [S.NEW, S.MATCHED, S.REFERRED, S.CLOSED],
            S.IN_PROGRESS,
            who=staff_or_cochair_may,
        ),
        Transition(S.IN_PROGRESS, S.MATCHED, who=staff_or_cochair_may),
        Transition(S.IN_PROGRESS, S.REFERRED, who=staff_or_cochair_may),
        Transition(
            [S.NEW, S.IN_PROGRESS, S.MATCHED, S.REFERRED],
            S.CLOSED,
            who=staff_or_cochair_may,
        ),
        Transition([S.NEW, S.IN_PROGRESS], S.SPAM, who=staff_may),
        Transition(S.SPAM, S.NEW, who=staff_may, label="Not spam"),
    ],
    timestamps={S.CLOSED: "closed_at"},
    visibility=activity.STAFF,
)

activity.register_verbs(
    {
        "received": "Received",
        "assigned": "Assignee changed",
        "note": "Note added",
        "email_retried": "Email retried",
        "anonymised": "Anonymised",
    }
)
