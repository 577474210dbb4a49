"""The co-chair updates workflow: every change of an update's status, checked in one place.

Co-chairs of the update's own network save it as a draft, send it to moderation, publish it
(where the network does not moderate) and withdraw it; moderators approve or return it with
a note. A move the update is no longer in a state for (a double click, two moderators at
once) is refused with `NetworkActionError`; each move writes a staff-only history line and
queues the emails it brings in the same transaction. The services in
networks/services/updates.py make the moves.
"""

from networks import notifications, permissions
from networks.models.updates import CoChairUpdate, UpdateStatus
from networks.services.errors import NetworkActionError
from website import activity
from website.workflow import Transition, Workflow

DRAFT = UpdateStatus.DRAFT
AWAITING = UpdateStatus.AWAITING_MODERATION
RETURNED = UpdateStatus.RETURNED
PUBLISHED = UpdateStatus.PUBLISHED
WITHDRAWN = UpdateStatus.WITHDRAWN


def _cochair(user, update):
    """A current co-chair of the update's own network (never of another one)."""
    return permissions.is_cochair(user, update.network_id)


def _moderator(user, update):
    return permissions.can_moderate_updates(user)


def _publishes_directly(user, update):
    return _cochair(user, update) and not update.network.moderate_updates


def _approves(user, update):
    # A co-chair may publish an update left waiting only once the network has stopped
    # asking for moderation (as before); otherwise approval is the moderators' move.
    return _moderator(user, update) or _publishes_directly(user, update)


def _refused(update, target):
    if update.status == WITHDRAWN:
        return "This update has been withdrawn and can no longer be changed."
    if target in (PUBLISHED, RETURNED):
        return "This update is not waiting for moderation."
    return None


def tell(update, transition=None, by=None, note=""):
    """The emails a status brings, queued with the move."""
    if update.status == AWAITING:
        notifications.update_awaiting_moderation(update)
    elif update.status == PUBLISHED:
        notifications.send_immediate_update_emails(update)
    elif update.status == RETURNED:
        notifications.update_returned(update)


UPDATE_FLOW = Workflow(
    CoChairUpdate,
    transitions=[
        Transition([AWAITING, RETURNED, PUBLISHED], DRAFT, who=_cochair, name="draft"),
        Transition([DRAFT, RETURNED, PUBLISHED], AWAITING, who=_cochair, name="send"),
        Transition(
            [DRAFT, RETURNED], PUBLISHED, who=_publishes_directly, name="publish"
        ),
        Transition(
            [DRAFT, AWAITING, RETURNED, PUBLISHED],
            WITHDRAWN,
            who=_cochair,
            name="withdraw",
        ),
        Transition(AWAITING, PUBLISHED, who=_approves, name="approve"),
        Transition(
            AWAITING,
            RETURNED,
            who=_moderator,
            name="return",
            note_required="Say what the co-chairs should change.",
        ),
    ],
    visibility=activity.STAFF,
    after=[tell],
    error=NetworkActionError,
    refused=_refused,
)
