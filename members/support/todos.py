"""What partner support puts on "Things to do": a partner's training running out within
30 days (for them, and for programme staff), and debrief requests waiting for support
staff. Each provider runs at most one query; the partner's runs none when nothing is due."""

from django.db.models import Count, Exists, Min, OuterRef
from django.urls import reverse
from django.utils import formats, timezone

from members.support import debriefs, training
from members.support import permissions as perms
from website import roles, todo

# Read with the person in the query that loads them (compiled once a day, so "today" in
# it is right), so a dashboard with nothing running out asks nothing more.
roles.load_with_user(
    "training_expiring",
    lambda: Exists(training.expiring().filter(partner=OuterRef("pk")).order_by()),
)


def _day(value):
    return formats.date_format(value, "j F Y")


def training_running_out(request):
    """The partner: each course that runs out within 30 days and is not yet renewed."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return []
    if roles.loaded(user, "training_expiring") is False:
        return []
    rows = training.expiring().filter(partner=user).select_related("course")
    return [
        todo.Todo(
            text=(
                f"Your {row.course} training runs out on {_day(row.expires_on)}. "
                "Programme staff can help you renew it."
            ),
            url=reverse("members:my_training"),
            link_text="See your training",
            due=row.expires_on,
            order=12,
            kind="training_expiring",
        )
        for row in rows
    ]


def training_for_staff(request):
    """Programme staff: how many partners have training running out within 30 days."""
    if not perms.can_view_training(request.user):
        return []
    found = training.expiring().aggregate(
        partners=Count("partner", distinct=True), first=Min("expires_on")
    )
    if not found["partners"]:
        return []
    count = found["partners"]
    return [
        todo.Todo(
            text=(
                f"{count} partner{'s' if count != 1 else ''} "
                f"{'have' if count != 1 else 'has'} training running out within "
                f"{training.REMINDER_DAYS} days"
            ),
            url=reverse("training_admin:index") + "?show=expiring",
            link_text="See who",
            due=found["first"],
            kind="training_expiring_staff",
        )
    ]


def debriefs_waiting(request):
    """Partner support staff: requests waiting for someone to get in touch, due a day
    after the oldest was made."""
    if not perms.can_answer_debriefs(request.user):
        return []
    found = debriefs.waiting()
    count = found["count"]
    if not count:
        return []
    return [
        todo.Todo(
            text=(
                f"{count} partner{'s' if count != 1 else ''} asked for a debrief: get in "
                "touch within the day"
            ),
            url=reverse("debriefs_admin:index") + f"?status={debriefs.S.WAITING}",
            link_text="See debrief requests",
            due=timezone.localtime(found["oldest"] + debriefs.ANSWER_WITHIN),
            order=1,
            kind="debriefs_waiting",
        )
    ]
