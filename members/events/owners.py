"""Features that organise events of their own plug in here: a network owns its meetings.

Events sit below the features that own some of them, so they cannot import those features.
Instead an owner registers itself when its app is ready, and events ask the registry who
may book an event for a network's members, who organises it besides programme staff, and
what to say about the organiser on the event's page.

    owners.register(NetworkOwner())   # networks/apps.py
    owners.may_book(user, event)      # members.events.services.book
"""

from django.db.models import Q

_owners = []


class Owner:
    """What an owning feature answers. Each method speaks only for the owner's events:
    `may_book` and `organises` return False, `organised` and `linked` nothing, for events
    that are not theirs."""

    def may_book(self, user, event):
        return False

    def organises(self, user, event):
        return False

    def organised(self, user):
        """A Q selecting the events this person organises for the owner."""
        return Q(pk__in=[])

    def linked(self, event):
        """(name, url) of the owner of `event`, for the event's page, or None."""
        return None

    def unpaid(self, event):
        """A Q on bookings of `event` whose people a paid event does not pay (a learning
        set pays its facilitators, not the leaders), or None for the owner's default."""
        return None


def register(owner):
    if not any(type(known) is type(owner) for known in _owners):
        _owners.append(owner)


def may_book(user, event):
    return any(owner.may_book(user, event) for owner in _owners)


def organises(user, event):
    return any(owner.organises(user, event) for owner in _owners)


def organised(user):
    """The events this person organises for any owner, as one Q (nothing if none)."""
    found = Q(pk__in=[])
    for owner in _owners:
        found |= owner.organised(user)
    return found


def unpaid(event):
    """A Q on `event`'s bookings that its owner says are not paid for coming (or None)."""
    for owner in _owners:
        found = owner.unpaid(event)
        if found is not None:
            return found
    return None


def linked(event):
    for owner in _owners:
        link = owner.linked(event)
        if link:
            return link
    return None
