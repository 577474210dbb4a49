"""Opportunity alerts: members opt in; an email per matching opportunity, never twice."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from post_office.models import Email

from home.models.snippets import Region
from members.models import OpportunityAlert, OpportunityAlertSent
from members.opportunities import alerts
from tests.factories.opportunities import ensure_index, make_opportunity


@pytest.fixture
def index(home_page):
    return ensure_index(home_page)


def emails_to(address):
    return [e for e in Email.objects.all() if address in e.to]


def test_member_saves_alert_choices(client, member):
    client.force_login(member)
    page = client.get("/portal/interests/alerts/")
    assert page.status_code == 200
    unknown_region = Region.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1
    response = client.post(
        "/portal/interests/alerts/",
        {"frequency": "immediate", "types": ["research"], "regions": [unknown_region]},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not OpportunityAlert.objects.filter(member=member).exists()
    london = Region.objects.get(slug="london")
    client.post(
        "/portal/interests/alerts/",
        {"frequency": "weekly", "types": ["event", "research"], "regions": [london.pk]},
    )
    alert = OpportunityAlert.objects.get(member=member)
    assert alert.frequency == "weekly"
    assert alert.types == ["event", "research"]
    assert list(alert.regions.all()) == [london]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"frequency": "hourly"},
        {"frequency": "weekly", "types": ["<script>"]},
        {"frequency": "weekly", "regions": ["\x00"]},
    ],
)
def test_bad_alert_input_is_a_clear_message(client, member, data):
    client.force_login(member)
    response = client.post("/portal/interests/alerts/", data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not OpportunityAlert.objects.exists()


def test_non_members_cannot_set_alerts(client, editor):
    client.force_login(editor)
    assert client.get("/portal/interests/alerts/").status_code == 403


def test_publishing_a_matching_opportunity_emails_once(index, member, member_other):
    alerts.save_alert(member, "immediate", ["research"], [])
    alerts.save_alert(member_other, "immediate", ["event"], [])
    page = make_opportunity(index, title="Carers study", opportunity_type="research")
    assert len(emails_to(member.email)) == 1
    assert "Carers study" in emails_to(member.email)[0].subject
    assert emails_to(member_other.email) == []
    # Publishing again, and the catch-up command, never send it twice.
    page.save_revision().publish()
    call_command("send_opportunity_alerts")
    call_command("send_opportunity_alerts", weekly=True)
    assert len(emails_to(member.email)) == 1
    assert OpportunityAlertSent.objects.filter(member=member).count() == 1


def test_region_choice_limits_alerts(index, member):
    alerts.save_alert(member, "immediate", [], [Region.objects.get(slug="london")])
    make_opportunity(index, regions=["west-midlands"])
    assert emails_to(member.email) == []
    make_opportunity(index, regions=["london", "online"])
    assert len(emails_to(member.email)) == 1


def test_members_only_alerts_go_to_members_only(index, member, editor):
    alerts.save_alert(member, "immediate", [], [])
    alerts.save_alert(editor, "immediate", [], [])
    make_opportunity(index, audience="members")
    assert len(emails_to(member.email)) == 1
    assert emails_to(editor.email) == []


def test_weekly_digest_lists_new_matches_once(index, member, mailoutbox):
    alerts.save_alert(member, "weekly", ["event"], [])
    make_opportunity(index, title="Workshop one", opportunity_type="event")
    make_opportunity(index, title="Workshop two", opportunity_type="event")
    make_opportunity(
        index,
        title="Old workshop",
        opportunity_type="event",
        closes_at=timezone.now() - timedelta(days=1),
    )
    assert emails_to(member.email) == []  # weekly people get nothing on publish
    call_command("send_opportunity_alerts", weekly=True)
    call_command("send_opportunity_alerts", weekly=True)
    digests = emails_to(member.email)
    assert len(digests) == 1
    call_command("run_outbox_worker", once=True)
    body = mailoutbox[-1].body
    assert "Workshop one" in body and "Workshop two" in body
    assert "Old workshop" not in body


def test_off_means_no_email(index, member):
    alerts.save_alert(member, "off", [], [])
    make_opportunity(index)
    call_command("send_opportunity_alerts", weekly=True)
    assert emails_to(member.email) == []


def test_alerts_and_digests_link_to_where_the_member_stops_them(index, member):
    alerts.save_alert(member, "immediate", [], [])
    make_opportunity(index, title="Youth panel")
    (email,) = emails_to(member.email)
    assert "http://" in email.message and "/portal/interests/alerts/" in email.message
    assert "Manage your emails" in email.message
    assert email.headers.get("List-Unsubscribe", "").endswith(
        "/portal/interests/alerts/>"
    )
