"""Safeguarding's demo: the designated safeguarding lead's account (in that group only)
and one closed concern the partner raised, made through the services as people would,
then dated back. Fictional throughout. Runs after coaching's demo, which makes the partner;
a second run changes nothing."""

from datetime import timedelta

from django.utils import timezone

from members.accounts.demo import ensure_account
from members.models import User
from members.safeguarding import services
from members.safeguarding.models import Concern
from website import roles

LEAD_EMAIL = "safeguarding@example.org"
PARTNER_EMAIL = "partner@example.org"
WHAT_HAPPENED = (
    "At the partners' day a participant told me they had not been eating properly "
    "since their carer stopped visiting, and they seemed very low. They said they did "
    "not know who to ask for help."
)
OUTCOME = (
    "Spoke to the participant the next day, with their agreement. They were put in "
    "touch with their GP and the local carers' centre, and are now getting support. "
    "Nothing more is needed from the programme."
)


def load():
    lead = ensure_account(LEAD_EMAIL, "Sasha", "Lead", [roles.SAFEGUARDING])
    partner = User.objects.filter(email__iexact=PARTNER_EMAIL).first()
    if partner is None or Concern.objects.filter(raised_by=partner).exists():
        return
    concern = services.raise_concern(
        by=partner,
        what_happened=WHAT_HAPPENED,
        person_concerned="A participant at the partners' day",
        happened_on=timezone.localdate() - timedelta(days=21),
        immediate_risk=False,
    )
    services.record_view(concern, lead)
    services.close_concern(concern, by=lead, outcome=OUTCOME)
    now = timezone.now()
    Concern.objects.filter(pk=concern.pk).update(
        created_at=now - timedelta(days=20), closed_at=now - timedelta(days=13)
    )
    concern.views.update(at=now - timedelta(days=13))
