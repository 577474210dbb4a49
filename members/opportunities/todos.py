"""What opportunities put on people's "Things to do" (website/todo.py).

An offered place waits on the member's answer, and new expressions of interest wait on staff
review; until now neither showed anywhere a person looks first.
"""

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from members.opportunities import listing
from members.opportunities import permissions as perms
from members.opportunities.choices import InterestStatus
from members.opportunities.models import ExpressionOfInterest
from website import todo

LIMIT = 20


def offers_waiting(request):
    """Members: each place they have been offered, until they accept or decline it."""
    offers = sorted(
        (
            interest
            for interest in listing.own_interests(request)
            if interest.status == InterestStatus.OFFERED
        ),
        key=lambda offer: (offer.opportunity.closes_at, offer.pk),
    )[:LIMIT]
    return [
        todo.Todo(
            text=f"You have been offered a place: {offer.opportunity.title}",
            url=reverse("members:interest_detail", args=[offer.pk]),
            link_text="Reply to the offer",
            order=3,
            due=reply_by(offer.opportunity),
            kind="offer",
        )
        for offer in offers
    ]


def reply_by(opportunity):
    """Offers carry no reply deadline of their own, so the member answers before the
    opportunity starts; without a start date, before it closes if that is still ahead."""
    if opportunity.starts_on:
        return opportunity.starts_on
    if opportunity.closes_at > timezone.now():
        return opportunity.closes_at
    return None


def interests_to_review(request):
    """Staff who review interests: one line per opportunity with interests not yet reviewed."""
    if not perms.can_review_interests(request.user):
        return []
    waiting = (
        ExpressionOfInterest.objects.filter(status=InterestStatus.SUBMITTED)
        .values("opportunity_id", "opportunity__title")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by("oldest")[:LIMIT]
    )
    index = reverse("members_expressionofinterest_modeladmin_index")
    return [
        todo.Todo(
            text=(
                f"{row['count']} new expression{'s' if row['count'] != 1 else ''} of "
                f"interest to review: {row['opportunity__title']}"
            ),
            url=index
            + "?"
            + urlencode({"status": "submitted", "opportunity": row["opportunity_id"]}),
            link_text="Review interests",
            kind="interests",
        )
        for row in waiting
    ]
