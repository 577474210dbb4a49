"""The feedback feature's email, in the core's catalogue (website/notify.py)."""

from website import notify

EVENT_FEEDBACK_REQUEST = notify.register(
    "event_feedback_request",
    "The people who came to an event with a feedback form, once, after it: a link to "
    "the form.",
)


def ask_for_feedback(event, page, bookings):
    """Email each of `bookings` the form's link (inside the transaction that marks the
    event as asked). Returns how many were queued."""
    url = notify.absolute_url(page.url)
    return notify.notify_each(
        EVENT_FEEDBACK_REQUEST,
        [
            (
                booking.user if booking.user_id else booking.email,
                {"name": booking.display_name, "event": event, "feedback_url": url},
                booking,
            )
            for booking in bookings
        ],
    )
