"""The events feature's emails, in the core's catalogue (website/notify.py).

All are transactional: they answer a booking the person made. The joining link is in the
context only for a confirmed place.
"""

from website import notify

EVENT_BOOKED = notify.register(
    "event_booked",
    "The person who booked: their place or waiting-list spot, and how to cancel.",
)
EVENT_REMINDER = notify.register(
    "event_reminder",
    "Everyone with a place: the event is coming up, with the joining details (also by "
    "text to members who asked for texts).",
    channels=("email", "sms"),
)
EVENT_PLACE_CONFIRMED = notify.register(
    "event_place_confirmed",
    "A person on the waiting list, just before the event: a place came free and it is "
    "theirs.",
)
EVENT_PLACE_OFFERED = notify.register(
    "event_place_offered",
    "The first person on the waiting list: a place came free; confirm it by the deadline "
    "(also by text to members who asked for texts).",
    channels=("email", "sms"),
)
EVENT_PAPER_READY = notify.register(
    "event_paper_ready",
    "Everyone with a place, when an organiser adds a paper or the minutes and asks for "
    "them to be told.",
)
EVENT_INVITATION = notify.register(
    "event_invitation",
    "Someone an organiser invited to an invited-only event: what it is, and their own "
    "link to book, with or without an account.",
)
EVENT_OFFER_LAPSED = notify.register(
    "event_offer_lapsed",
    "A person who did not confirm an offered place in time: it went to the next person.",
)


def _context(booking):
    event = booking.event
    confirmed = booking.status == "confirmed"
    if booking.user_id:
        manage_url = notify.absolute_url("/portal/events/")
    else:
        manage_url = notify.absolute_url(f"/events/booking/{booking.token}/")
    return {
        "name": booking.display_name,
        "event": event,
        "booking": booking,
        "confirmed": confirmed,
        "joining_link": event.joining_link if confirmed else "",
        "joining_details": event.joining_details if confirmed else "",
        "event_url": notify.absolute_url(event.get_absolute_url()),
        "manage_url": manage_url,
    }


def _to(booking):
    return booking.user if booking.user_id else booking.email


def booked(booking):
    """Tell the person what they booked (inside the booking's transaction)."""
    notify.notify(EVENT_BOOKED, _to(booking), _context(booking), about=booking)


def place_confirmed(booking):
    """Tell the first person waiting that the freed place is theirs."""
    notify.notify(EVENT_PLACE_CONFIRMED, _to(booking), _context(booking), about=booking)


def place_offered(booking):
    """Tell the first person waiting that a place is held for them until the deadline."""
    notify.notify(EVENT_PLACE_OFFERED, _to(booking), _context(booking), about=booking)


def offer_lapsed(booking):
    """Tell someone their offered place has passed on (they may book again)."""
    notify.notify(EVENT_OFFER_LAPSED, _to(booking), _context(booking), about=booking)


def remind(bookings, days):
    """Remind each person of their place (inside the transaction that records it)."""
    return notify.notify_each(
        EVENT_REMINDER,
        [
            (_to(booking), {**_context(booking), "days": days}, booking)
            for booking in bookings
        ],
    )


def paper_ready(paper, bookings):
    """Tell each of `bookings` that a paper is ready. Returns how many were told."""
    return notify.notify_each(
        EVENT_PAPER_READY,
        [(_to(b), {**_context(b), "paper": paper}, b) for b in bookings],
    )


def invited(event, invitations):
    """Each invited address gets its own link: the token is the key to the event."""
    url = notify.absolute_url(event.get_absolute_url())
    return notify.notify_each(
        EVENT_INVITATION,
        [
            (
                invitation.email,
                {"event": event, "event_url": f"{url}?invitation={invitation.token}"},
                invitation,
            )
            for invitation in invitations
        ],
    )
