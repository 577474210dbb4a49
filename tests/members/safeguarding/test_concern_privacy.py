"""Concerns stay out of the person's data export and ordinary history (whether they raised
one or one is about them), and are erased with the record of who opened them once closed
for longer than SAFEGUARDING_RETENTION_YEARS; open ones are never erased by time."""

import datetime
import json

import pytest
import time_machine
from django.utils import timezone

from members.safeguarding import retention, services
from members.safeguarding.models import Concern, ConcernView
from tests.members.safeguarding.conftest import raise_one
from website import dataexport
from website.models import Activity

pytestmark = pytest.mark.django_db
MARKER = "Zebedee-Quill"


def export_text(user):
    return "".join(dataexport.stream_json(user))


def test_neither_the_raiser_nor_the_person_it_is_about_sees_it_in_their_export(
    partner, member, lead
):
    member.first_name, member.last_name = "Zebedee", "Quill"
    member.save()
    concern = raise_one(
        partner,
        person_concerned="Zebedee Quill",
        what_happened=f"{MARKER} seemed frightened of their carer.",
        others_involved=MARKER,
    )
    services.record_view(concern, lead)
    services.close_concern(concern, by=lead, outcome=f"{MARKER} outcome")
    for person in (partner, member, lead):
        text = export_text(person)
        json.loads(text)
        assert MARKER not in text
        assert "frightened" not in text
        assert "concern" not in text.lower()


def test_neither_sees_it_in_their_ordinary_history(client, partner, lead):
    concern = raise_one(partner, what_happened=f"{MARKER} at the meeting")
    services.close_concern(concern, by=lead, outcome="Done")
    assert not Activity.objects.exists()
    client.force_login(partner)
    for path in ("/portal/", "/portal/my-data/"):
        assert MARKER not in client.get(path).content.decode()


def test_closed_concerns_are_erased_with_their_views_after_their_years(
    partner, lead, settings
):
    settings.SAFEGUARDING_RETENTION_YEARS = 7
    start = timezone.make_aware(datetime.datetime(2026, 1, 10, 12))
    with time_machine.travel(start, tick=False):
        old = raise_one(partner)
        services.record_view(old, lead)
        services.close_concern(old, by=lead, outcome="Done")
        still_open = raise_one(partner)
        services.record_log_view(lead, page=1, status="", risk="")
    with time_machine.travel(start + datetime.timedelta(days=365 * 5), tick=False):
        recent = raise_one(partner)
        services.close_concern(recent, by=lead, outcome="Done")
    now = start + datetime.timedelta(days=365 * 7 + 3)
    assert retention.erase_old_concerns(now) == 1
    assert set(Concern.objects.values_list("pk", flat=True)) == {
        still_open.pk,
        recent.pk,
    }
    assert not ConcernView.objects.filter(concern_id=old.pk).exists()
    assert not ConcernView.objects.filter(concern__isnull=True).exists()
    assert ConcernView.objects.filter(concern=recent).exists()
    assert retention.erase_old_concerns(now) == 0  # idempotent


def test_the_retention_period_follows_the_setting(partner, lead, settings):
    settings.SAFEGUARDING_RETENTION_YEARS = 1
    concern = raise_one(partner)
    services.close_concern(concern, by=lead, outcome="Done")
    assert retention.erase_old_concerns(timezone.now()) == 0
    later = timezone.now() + datetime.timedelta(days=400)
    assert retention.erase_old_concerns(later) == 1


def test_purge_expired_runs_the_step(partner, lead):
    from website import retention as core

    assert any(
        "safeguarding concerns" in line for line in core.run_steps(timezone.now())
    )
