"""Things to do: each feature says what a person has waiting; dashboards only render.

A provider takes the request and returns `Todo` items for `request.user`, in a fixed number
of queries whatever the person's data. Register it for the portal dashboard, the staff admin
home, or both::

    @hooks.register(todo.PORTAL)
    def offers_waiting(request):
        return [
            todo.Todo(
                text=f"You have been offered a place: {interest.opportunity.title}",
                url=reverse("members:my_interest", args=[interest.pk]),
                link_text="Reply to the offer",
                due=interest.reply_by,
            )
            for interest in offers_for(request.user)
        ]

`things_to_do(request, PORTAL)` gathers every provider's items, soonest deadline first, then
by `order`. The portal's "Things to do" panel and the admin home's panel render that list.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import formats, timezone
from wagtail import hooks

PORTAL = "register_portal_todo"
ADMIN = "register_admin_todo"


@dataclass
class Todo:
    """Something a person should do, in one sentence, with a link to do it."""

    text: str
    url: str
    link_text: str
    order: int = 50
    due: date | datetime | None = None
    kind: str = ""

    @property
    def due_at(self):
        if self.due is None:
            return None
        if isinstance(self.due, datetime):
            return self.due
        return timezone.make_aware(datetime.combine(self.due, time.max))

    @property
    def due_text(self):
        """The deadline for people: "8 December 2026", with the UK time when it is a
        moment (a place held for 48 hours ends at a time of day, not at midnight)."""
        if self.due is None:
            return ""
        if isinstance(self.due, datetime):
            return formats.date_format(timezone.localtime(self.due), "j F Y, g:i a")
        return formats.date_format(self.due, "j F Y")

    @property
    def overdue(self):
        return self.due_at is not None and self.due_at < timezone.now()


def things_to_do(request, audience=PORTAL):
    items = []
    for provider in hooks.get_hooks(audience):
        items.extend(provider(request) or [])
    far = timezone.make_aware(datetime.max - timezone.timedelta(days=2))
    return sorted(items, key=lambda item: (item.due_at or far, item.order, item.text))
