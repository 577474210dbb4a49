"""Where claims come from: features that record involvement call these, and the ledger
opens a claim for each person (nothing for people who chose no payment). Payments import
none of those features; they pass in what happened.

    sources.attendance_marked(event, came=[booking, …], missed=[…], by=organiser)
    sources.session_recorded(partner, session_pk=…, happened_on=…, minutes=…, fee=…, by=…)
    sources.hours_confirmed(member, interest_pk=…, title=…, happened_on=…, hours=…, fee=…, how=…, by=…)
"""

from decimal import Decimal

from django.utils import timezone

from members.payments import ledger
from members.payments.models import Claim, ClaimStatus, Involvement, PaidEvent
from members.payments.queries import with_total


def event_source(booking):
    return f"event-booking:{booking.pk}"


def attendance_marked(event, *, came, missed, by):
    """A paid event's attendance was marked: a claim for each member who came, and any
    claim not yet approved withdrawn for someone now marked as not there. Returns how
    many claims were opened or kept."""
    terms = PaidEvent.objects.filter(event_id=event.pk).first()
    if terms is None:
        return 0
    day = timezone.localdate(event.starts_at)
    hours = Decimal((event.ends_at - event.starts_at).total_seconds()) / 3600
    opened = 0
    for booking in came:
        if booking.user_id is None:
            continue
        claim = ledger.arise(
            booking.user,
            involvement=terms.involvement,
            source=event_source(booking),
            title=event.title,
            happened_on=day,
            logged_by=by,
            hours=hours.quantize(Decimal("0.25")),
        )
        opened += claim is not None
    for booking in missed:
        if booking.user_id is not None:
            ledger.withdraw(booking.user, event_source(booking), by=by)
    return opened


def session_source(session_pk):
    return f"coaching-session:{session_pk}"


def session_recorded(
    partner, *, session_pk, happened_on, minutes, fee, by, expenses_cap=None
):
    """A coaching session was recorded: a claim for the partner at the pairing's own
    session payment (no fee when it is £0) and within its expenses limit per session."""
    return ledger.arise(
        partner,
        involvement=Involvement.COACHING_SESSION,
        source=session_source(session_pk),
        title=f"Coaching session on {happened_on.day} {happened_on:%B %Y}",
        happened_on=happened_on,
        logged_by=by,
        hours=(Decimal(minutes) / 60).quantize(Decimal("0.25")),
        fee=fee,
        expenses_cap=expenses_cap,
    )


def claims_for_sessions(session_pks, person=None):
    """{session pk: claim} for the claims these sessions opened, only the person's when
    given (one query; withdrawn ones left out)."""
    wanted = {session_source(pk): pk for pk in session_pks}
    claims = Claim.objects.filter(source__in=wanted).exclude(
        status=ClaimStatus.WITHDRAWN
    )
    if person is not None:
        claims = claims.filter(person=person)
    claims = with_total(claims.select_related("person")).order_by("happened_on", "pk")
    return {wanted[claim.source]: claim for claim in claims}


def hours_confirmed(member, *, interest_pk, title, happened_on, hours, fee, how, by):
    """Staff confirmed time a member gave on an opportunity: one claim per interest and
    day, at the fee the opportunity stated (None: the dated rate for opportunities)."""
    return ledger.arise(
        member,
        involvement=Involvement.OPPORTUNITY,
        source=f"opportunity-interest:{interest_pk}:{happened_on.isoformat()}",
        title=title,
        happened_on=happened_on,
        logged_by=by,
        hours=hours,
        fee=fee,
        how=how,
    )
