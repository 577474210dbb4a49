"""Expressions of interest: submit, staff review moves, withdraw, answer an offer, bulk moves.

Views, the admin and the dashboard panels call these functions, so closing dates, places and
the one-interest rule hold everywhere.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from members.opportunities import permissions as perms
from members.opportunities.choices import InterestStatus
from members.opportunities.listing import is_full
from members.opportunities.models import ExpressionOfInterest, InterestStatusChange
from members.opportunities.pages import OpportunityPage
from website import outbox as mail

EMAIL_PRIORITY = "medium"

# Statuses that still hold or seek a place (used to refuse a second, different interest).
ACTIVE_STATUSES = {
    InterestStatus.SUBMITTED,
    InterestStatus.SHORTLISTED,
    InterestStatus.OFFERED,
    InterestStatus.ACCEPTED,
    InterestStatus.WAITING_LIST,
}


class OpportunityUnavailable(Exception):
    """The opportunity cannot take a normal expression of interest (closed or full)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class InvalidTransition(Exception):
    """The requested status change is not allowed from the interest's current status."""


def availability_of(opportunity):
    """None when open for interest, else "closed" or "full"."""
    if opportunity.is_closed:
        return "closed"
    if is_full(opportunity):
        return "full"
    return None


def submit_interest(member, opportunity, data, waiting_list=False):
    """Save a member's interest once; a second submission returns the existing one.

    Returns (interest, created). Raises OpportunityUnavailable when the opportunity is closed
    or full and the member did not ask to join the waiting list.
    """
    reason = availability_of(opportunity)
    if reason and not waiting_list:
        raise OpportunityUnavailable(reason)
    status = InterestStatus.WAITING_LIST if reason else InterestStatus.SUBMITTED
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity, member=member
    ).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            interest = ExpressionOfInterest.objects.create(
                opportunity=opportunity,
                member=member,
                status=status,
                why_interested=data["why_interested"],
                experience=data.get("experience", ""),
                availability=data["availability"],
                access_needs=data.get("access_needs", "")
                if data.get("share_access_needs")
                else "",
            )
            InterestStatusChange.objects.create(
                interest=interest, from_status="", to_status=status, changed_by=member
            )
            queue_interest_email(interest, "received")
    except IntegrityError:
        # Two tabs or a double click: the other request won; keep its row.
        return ExpressionOfInterest.objects.get(
            opportunity=opportunity, member=member
        ), False
    return interest, True


def _move(interest, new_status, by):
    old = interest.status
    interest.status = new_status
    interest.save(update_fields=["status", "updated_at"])
    InterestStatusChange.objects.create(
        interest=interest, from_status=old, to_status=new_status, changed_by=by
    )


@transaction.atomic
def change_status(interest, new_status, by, notify=True):
    """A staff review step; the member is emailed through the outbox in the same transaction."""
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if not perms.can_change_interest_status(by, interest, new_status):
        raise InvalidTransition(
            f"An interest that is “{interest.get_status_display()}” cannot be moved to "
            f"“{InterestStatus(new_status).label}”."
        )
    _move(interest, new_status, by)
    if notify:
        queue_interest_email(interest, "status_changed")
    return interest


@transaction.atomic
def withdraw_interest(interest, by):
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if not perms.can_withdraw_interest(by, interest):
        raise InvalidTransition("This interest can no longer be withdrawn.")
    _move(interest, InterestStatus.WITHDRAWN, by)
    return interest


@transaction.atomic
def respond_to_offer(interest, accept, by):
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    new_status = InterestStatus.ACCEPTED if accept else InterestStatus.DECLINED
    if not perms.member_can_move(by, interest, new_status):
        raise InvalidTransition("There is no offer to answer on this interest.")
    if accept:
        opportunity = OpportunityPage.objects.get(pk=interest.opportunity_id)
        if is_full(opportunity):
            raise InvalidTransition(
                "All places have now been taken. Programme staff will be in touch."
            )
    _move(interest, new_status, by)
    return interest


def bulk_change_status(interests, new_status, by):
    """Apply a staff status change to many interests; returns (changed, skipped) counts."""
    changed = skipped = 0
    for interest in interests:
        try:
            change_status(interest, new_status, by)
            changed += 1
        except InvalidTransition:
            skipped += 1
    return changed, skipped


def member_interests(user):
    return (
        ExpressionOfInterest.objects.filter(member=user)
        .select_related("opportunity")
        .order_by("-created_at")
    )


# ---------------------------------------------------------------------------------------
# Email


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue_email(address, template, context):
    """Render templates/members/emails/opportunities/<template> and queue it in the outbox."""
    base = f"members/emails/opportunities/{template}"
    subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
    mail.send(
        [address],
        settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=render_to_string(f"{base}.txt", context),
        html_message=render_to_string(f"{base}.html", context),
        priority=EMAIL_PRIORITY,
    )


def queue_interest_email(interest, template):
    member = interest.member
    queue_email(
        member.email,
        f"interest_{template}",
        {
            "name": member.display_name,
            "interest": interest,
            "opportunity": interest.opportunity,
            "status": interest.status,
            "status_label": interest.get_status_display(),
            "interests_url": absolute("/portal/interests/"),
            "interest_url": absolute(f"/portal/interests/{interest.pk}/"),
        },
    )
