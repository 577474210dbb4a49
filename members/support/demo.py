"""Demo partner support: three training courses, the demo partner's training (one course
running out in about 20 days, one in date), a partner support account, and one debrief
request waiting after one of the partner's coaching sessions.

Run by members/demo.py after coaching's demo (which makes the partner and sessions); made
through the services, as staff and the partner would; a second run changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from members.accounts.demo import ensure_account
from members.coaching.models import PairingPartner, PairingSession
from members.models import User
from members.support import debriefs, services
from members.support.models import DebriefRequest, TrainingCompletion, TrainingCourse
from website import roles

COURSES = [
    # name, provider, what it covers, valid for (months)
    (
        "Safeguarding adults",
        "Example Safeguarding Adults Board",
        "Recognising abuse and neglect, what to do if you are worried about someone, "
        "and who to tell.",
        12,
    ),
    (
        "Sharing your story safely",
        "Voices programme team",
        "Choosing what to share and what to keep private, looking after yourself "
        "before and after, and saying no.",
        24,
    ),
    (
        "Coaching skills for partners",
        "Voices programme team",
        "Listening, asking open questions and giving honest feedback to senior leaders.",
        36,
    ),
]


def load():
    today = timezone.localdate()
    courses = {}
    for name, provider, covers, months in COURSES:
        courses[name], _ = TrainingCourse.objects.get_or_create(
            name=name,
            defaults={"provider": provider, "covers": covers, "valid_months": months},
        )
    ensure_account("support@example.org", "Sam", "Support", [roles.SUPPORT])
    partner = User.objects.filter(email="partner@example.org").first()
    staff = User.objects.filter(email="staff@example.org").first()
    if partner is None:
        return
    # Safeguarding runs out in about 20 days; sharing your story was done 100 days ago.
    _complete(
        partner,
        courses["Safeguarding adults"],
        services.add_months(today + timedelta(days=20), -12),
        staff,
    )
    _complete(
        partner,
        courses["Sharing your story safely"],
        today - timedelta(days=100),
        staff,
    )
    _ask_once(partner)


def _complete(partner, course, completed_on, staff):
    if TrainingCompletion.objects.filter(partner=partner, course=course).exists():
        return
    services.record_completion(partner, course, completed_on, by=staff)


def _ask_once(partner):
    """One waiting request, after the partner's latest session with the demo leader."""
    if DebriefRequest.objects.filter(partner=partner).exists():
        return
    pairings = PairingPartner.objects.filter(
        partner=partner,
        status=PairingPartner.Status.ACCEPTED,
        pairing__leader__email="leader@example.org",
    ).values("pairing_id")
    session = (
        PairingSession.objects.filter(pairing_id__in=pairings)
        .order_by("-date", "-pk")
        .first()
    )
    if session is None:
        return
    debrief = debriefs.ask(
        partner,
        coaching_session=session,
        contact_by=DebriefRequest.Contact.PHONE,
        note="Weekday mornings are best for a call.",
    )
    DebriefRequest.objects.filter(pk=debrief.pk).update(
        created_at=timezone.now() - timedelta(hours=3)
    )
