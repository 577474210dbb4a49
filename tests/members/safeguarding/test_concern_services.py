"""Raising, opening and closing concerns through the services: stored, audited, the leads
told with no names or details, and nothing in anyone's ordinary history."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from members.safeguarding import services
from members.safeguarding.models import Concern, ConcernView
from tests.members.accounts.accounts_helpers import deliver_mail
from tests.members.safeguarding.conftest import raise_one
from website.models import Activity

pytestmark = pytest.mark.django_db


def entries_for(concern):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Concern),
        object_id=str(concern.pk),
    )


def test_raising_stores_audits_and_tells_only_the_leads_without_details(
    partner, lead, staff, mailoutbox
):
    concern = raise_one(
        partner,
        what_happened="Jo said her brother takes her money.",
        person_concerned="Jo Bloggs",
        immediate_risk=True,
    )
    assert concern.status == Concern.Status.OPEN and concern.raised_by == partner
    (entry,) = entries_for(concern)
    assert entry.action == "members.concern_raised"
    assert entry.label == f"Concern {concern.pk}"
    assert entry.user_id == partner.pk
    deliver_mail(mailoutbox)
    assert [m.to for m in mailoutbox] == [[lead.email]]
    message = mailoutbox[0]
    assert message.subject.startswith("Urgent:")
    assert f"/admin/safeguarding/{concern.pk}/" in message.body
    for secret in ("Jo", "Bloggs", "brother", "money", "Pat", "Partner"):
        assert secret not in message.subject + message.body
        assert secret not in message.alternatives[0][0]


def test_a_concern_without_immediate_risk_is_not_marked_urgent(
    partner, lead, mailoutbox
):
    raise_one(partner)
    deliver_mail(mailoutbox)
    assert mailoutbox[0].subject == "A safeguarding concern needs you"


def test_someone_who_is_neither_staff_nor_a_partner_cannot_raise_one(member, lead):
    with pytest.raises(services.ConcernError):
        raise_one(member)
    assert not Concern.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("what_happened", ""),
        ("what_happened", "x" * 5001),
        ("person_concerned", "x" * 201),
        ("others_involved", "x" * 2001),
    ],
)
def test_the_service_refuses_empty_or_oversized_text(partner, field, value):
    values = {"what_happened": "Something", field: value}
    with pytest.raises(services.ConcernError):
        raise_one(partner, **values)
    assert not Concern.objects.exists()


def test_nothing_about_a_concern_reaches_the_activity_history(partner, lead):
    concern = raise_one(partner)
    services.record_view(concern, lead)
    services.close_concern(concern, by=lead, outcome="Spoke to them.")
    assert not Activity.objects.exists()


def test_each_opening_is_kept_with_the_concern_and_audited(partner, lead):
    concern = raise_one(partner)
    services.record_view(concern, lead)
    services.record_view(concern, lead)
    assert concern.views.filter(viewer=lead, action="viewed").count() == 2
    assert entries_for(concern).filter(action="members.concern_viewed").count() == 2


def test_opening_the_log_is_recorded_without_any_concern(lead):
    services.record_log_view(lead, page=1, status="open", risk="")
    view = ConcernView.objects.get()
    assert view.concern is None and view.action == "listed"
    entry = ModelLogEntry.objects.get(action="members.concern_log_viewed")
    assert entry.user_id == lead.pk and entry.data["status"] == "open"


def test_a_lead_closes_a_concern_once_with_what_was_done(partner, lead):
    concern = raise_one(partner)
    services.close_concern(concern, by=lead, outcome="Referred to the GP.")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED
    assert concern.closed_by == lead and concern.closed_at is not None
    with pytest.raises(services.ConcernError, match="already closed"):
        services.close_concern(concern, by=lead, outcome="Again")
    assert entries_for(concern).filter(action="members.concern_closed").count() == 1


def test_nobody_but_a_lead_closes_a_concern(partner, staff, superuser):
    concern = raise_one(partner)
    for person in (staff, superuser, partner):
        with pytest.raises(services.ConcernError):
            services.close_concern(concern, by=person, outcome="Closed")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.OPEN and concern.outcome == ""


def test_closing_needs_an_outcome(partner, lead):
    concern = raise_one(partner)
    with pytest.raises(services.ConcernError):
        services.close_concern(concern, by=lead, outcome="   ")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.OPEN
