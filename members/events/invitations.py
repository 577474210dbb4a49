"""Invited-only events: the organisers' list of addresses, and who it lets in.

An event whose audience is "invited" is shown only to its organisers and to the people
invited: a signed-in person whose email address is on the list, or anyone holding the
token from their invitation email (senior leaders are often invited before they have an
account). The only writer of `EventInvitation`.

    added, already = invitations.invite(event, "a@example.org, b@example.org", by=user)
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from members.events import notifications
from members.events.models import EventAudience, EventInvitation, well_formed
from website import activity

activity.register_verbs(
    {"invited": "People invited", "uninvited": "Invitation removed"}
)

# Addresses at once in the form, and on one event's list in all.
MOST_AT_ONCE = 200
MOST_PER_EVENT = 2000
SEPARATORS = re.compile(r"[\s,;]+")


class InvitationError(Exception):
    """Inviting refused, with a message for the organiser; nobody was invited."""


def parse(text):
    """(addresses, not_addresses) from what the organiser pasted: one per line or
    separated by commas, each address once, in lower case."""
    found, wrong = [], []
    for part in SEPARATORS.split(text or ""):
        part = part.strip().strip("<>").lower()
        if not part:
            continue
        try:
            validate_email(part)
        except ValidationError:
            if part not in wrong:
                wrong.append(part)
        else:
            if part not in found:
                found.append(part)
    return found, wrong


@transaction.atomic
def invite(event, addresses, *, by):
    """Invite each address not already invited and email them their link. Returns
    (invited now, already on the list). Raises InvitationError, inviting nobody."""
    if len(addresses) > MOST_AT_ONCE:
        raise InvitationError(
            f"Invite at most {MOST_AT_ONCE} people at once. You entered "
            f"{len(addresses)}; send the rest in a second batch."
        )
    known = {
        address.lower()
        for address in EventInvitation.objects.filter(event=event).values_list(
            "email", flat=True
        )
    }
    new = [address for address in addresses if address not in known]
    if len(known) + len(new) > MOST_PER_EVENT:
        raise InvitationError(
            f"An event can have at most {MOST_PER_EVENT} invitations; this one has "
            f"{len(known)}."
        )
    created = EventInvitation.objects.bulk_create(
        EventInvitation(event=event, email=address, invited_by=by) for address in new
    )
    if created:
        activity.record(event, by=by, verb="invited", note=f"{len(created)} invited")
        notifications.invited(event, created)
    return created, len(addresses) - len(new)


@transaction.atomic
def remove(invitation, *, by):
    """Take an address off the list; a booking it already made stays."""
    activity.record(invitation.event, by=by, verb="uninvited")
    invitation.delete()


def listed(event):
    return EventInvitation.objects.filter(event=event).order_by("email", "pk")


def by_token(event, token):
    """The invitation to `event` holding this token, or None for a bad or old one."""
    token = well_formed(token)
    if token is None:
        return None
    return EventInvitation.objects.filter(event=event, token=token).first()


def invited_q(user):
    """A Q on events: invited-only ones this signed-in person's address is invited to."""
    email = getattr(user, "email", "") or ""
    if not (getattr(user, "is_authenticated", False) and email):
        return Q(pk__in=[])
    on_list = EventInvitation.objects.filter(event=OuterRef("pk"), email__iexact=email)
    return Q(Exists(on_list), audience=EventAudience.INVITED)


def is_invited(user, event):
    email = getattr(user, "email", "") or ""
    return bool(
        getattr(user, "is_authenticated", False)
        and email
        and EventInvitation.objects.filter(event=event, email__iexact=email).exists()
    )
