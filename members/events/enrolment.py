"""Places a feature gives its own people on an event it owns, without an email from
events: a learning set's leaders and facilitators on each of its sessions.

The event is invited-only, so each person's address goes on its list (they alone may open
it) and they get a confirmed place (reminders and attendance follow, as for anyone booked).
The owning feature tells them itself. Running it twice changes nothing.

    enrolment.enrol(event, [leader, facilitator])
"""

from django.db import transaction

from members.events.models import BookingStatus, EventBooking, EventInvitation


@transaction.atomic
def enrol(event, users, *, by=None):
    """Put each user on `event`'s list with a confirmed place; returns how many were new."""
    users = [user for user in users if user is not None and user.email]
    listed = {
        email.lower()
        for email in EventInvitation.objects.filter(event=event).values_list(
            "email", flat=True
        )
    }
    EventInvitation.objects.bulk_create(
        EventInvitation(event=event, email=user.email.lower(), invited_by=by)
        for user in users
        if user.email.lower() not in listed
    )
    booked = set(
        EventBooking.objects.filter(event=event, user__in=users).values_list(
            "user_id", flat=True
        )
    )
    EventBooking.objects.filter(event=event, user__in=users).exclude(
        status=BookingStatus.CONFIRMED
    ).update(status=BookingStatus.CONFIRMED)
    created = EventBooking.objects.bulk_create(
        EventBooking(event=event, user=user, status=BookingStatus.CONFIRMED)
        for user in users
        if user.pk not in booked
    )
    return len(created)
