"""Opportunity pages: editor validation, members-only privacy, feeds, panels, slot, demo, data."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from members.models import OpportunityPage
from members.opportunities import alerts, exports, listing, services
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)


@pytest.fixture
def index(home_page):
    return ensure_index(home_page)


def unsaved(index, **fields):
    values = {
        "title": "New",
        "slug": "new",
        "summary": "S",
        "opportunity_type": "event",
        "organisation": "Org",
        "format": "online",
        "places": 1,
        "time_commitment": "1 hour",
        "duration": "1 day",
        "payment_unit": "voluntary",
        "closes_at": timezone.now() + timedelta(days=3),
    }
    values.update(fields)
    return OpportunityPage(**values)


def test_editor_cannot_publish_with_a_past_closing_date(index):
    page = unsaved(index, closes_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert "closing date has already passed" in str(error.value)


def test_editor_cannot_set_places_below_zero(index):
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=unsaved(index, places=-1))
    assert "below zero" in str(error.value)


def test_paid_opportunity_needs_an_amount(index):
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=unsaved(index, payment_unit="hour"))
    assert "Enter the amount paid" in str(error.value)


def test_editing_a_closed_opportunity_keeps_its_date_valid(index):
    closed = make_opportunity(index, closes_at=timezone.now() - timedelta(days=2))
    page = OpportunityPage.objects.get(pk=closed.pk)
    page.summary = "Fixed a typo"
    page.save_revision().publish()
    assert OpportunityPage.objects.get(pk=closed.pk).summary == "Fixed a typo"
    page.closes_at = timezone.now() - timedelta(days=1)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_admin_add_form_for_an_opportunity_opens(client, superuser, index):
    client.force_login(superuser)
    response = client.get(f"/admin/pages/add/members/opportunitypage/{index.pk}/")
    assert response.status_code == 200


def test_members_only_uses_page_privacy_for_the_members_group(client, index, member):
    page = make_opportunity(index, audience="members", title="Members thing")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert [g.name for g in restriction.groups.all()] == ["Members"]
    anonymous = client.get(page.url)
    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous["Location"]
    client.force_login(member)
    assert client.get(page.url).status_code == 200
    # Switching to everyone removes the restriction again.
    page.audience = "everyone"
    page.save_revision().publish()
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_members_only_is_not_in_sitemap_search_or_feeds(client, index):
    make_opportunity(index, title="Open to all zebra", slug="open-to-all")
    make_opportunity(
        index, title="Members zebra", slug="members-zebra", audience="members"
    )
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "open-to-all" in sitemap
    assert "members-zebra" not in sitemap
    search = client.get("/search/?q=zebra")
    if search.status_code == 200:
        assert "Members zebra" not in search.content.decode()
    rss = client.get("/opportunities/feed/").content.decode()
    assert "Open to all zebra" in rss
    assert "Members zebra" not in rss
    ical = client.get("/opportunities/closing-dates.ics").content.decode()
    assert "Members zebra" not in ical


def test_ical_feed_is_valid_enough_for_calendars(client, index):
    make_opportunity(index, title="Workshop, with; commas\\ and more text " * 3)
    response = client.get("/opportunities/closing-dates.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.rstrip().endswith("END:VCALENDAR")
    assert "BEGIN:VEVENT" in body
    assert r"Workshop\, with\; commas\\" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_detail_shows_whats_involved_in_plain_terms(client, index):
    page = make_opportunity(
        index,
        title="Paid panel",
        payment_unit="session",
        payment_amount="75.00",
        expenses_travel=True,
        expenses_care=True,
        support_training=True,
        contact_name="Rosa",
        accessibility="Step-free venue",
    )
    html = client.get(page.url).content.decode()
    assert "What&#x27;s involved" in html or "What's involved" in html
    assert "£75 per session" in html
    assert "Travel, replacement care" in html
    assert "a named contact: Rosa" in html
    assert "Step-free venue" in html
    assert (
        "may affect welfare benefits" in html or "can affect welfare benefits" in html
    )
    assert html.count("<h1") == 1


def test_matching_panel_and_my_interests_panel(rf, index, member):
    from home.models.snippets import Region
    from members.models import MemberProfile
    from members.opportunities.views import (
        matching_opportunities_panel,
        my_interests_panel,
    )

    MemberProfile.objects.update_or_create(
        user=member,
        defaults={
            "region": Region.objects.get(slug="west-midlands"),
            "interests": ["research"],
        },
    )
    make_opportunity(index, title="WM research", opportunity_type="research")
    make_opportunity(
        index,
        title="National research",
        opportunity_type="research",
        regions=["national"],
    )
    make_opportunity(
        index, title="London research", opportunity_type="research", regions=["london"]
    )
    coaching = make_opportunity(index, title="WM coaching", opportunity_type="coaching")
    InterestFactory(opportunity=coaching, member=member, status="shortlisted")
    request = rf.get("/portal/")
    request.user = member
    panel = matching_opportunities_panel(request)
    assert sorted(o.title for o in panel.context["opportunities"]) == [
        "National research",
        "WM research",
    ]
    mine = my_interests_panel(request)
    assert [i.opportunity.title for i in mine.context["interests"]] == ["WM coaching"]


def test_portal_shows_both_panels(client, index, member):
    make_opportunity(index, title="Something open")
    client.force_login(member)
    html = client.get("/portal/").content.decode()
    assert "Open opportunities for you" in html
    assert "My expressions of interest" in html


def test_home_page_slot_shows_three_closing_soonest(client, index):
    now = timezone.now()
    for days in (9, 2, 30, 5, 1):
        make_opportunity(
            index, title=f"Closes day {days}", closes_at=now + timedelta(days=days)
        )
    make_opportunity(
        index,
        title="Closes day 0 private",
        audience="members",
        closes_at=now + timedelta(hours=3),
    )
    html = client.get("/").content.decode()
    assert "Opportunities closing soon" in html
    shown = [f"Closes day {d}" for d in (1, 2, 5)]
    positions = [html.index(title) for title in shown]
    assert positions == sorted(positions)
    assert "Closes day 9" not in html
    assert "private" not in html


def test_demo_is_idempotent_and_covers_the_cases(db):
    call_command("load_demo")
    first = sorted(OpportunityPage.objects.values_list("slug", "closes_at", "places"))
    from members.models import ExpressionOfInterest

    interests = ExpressionOfInterest.objects.count()
    call_command("load_demo")
    assert (
        sorted(OpportunityPage.objects.values_list("slug", "closes_at", "places"))
        == first
    )
    assert ExpressionOfInterest.objects.count() == interests
    pages = list(OpportunityPage.objects.live())
    assert len(pages) >= 6
    assert len({p.opportunity_type for p in pages}) >= 5
    assert any(p.is_closed for p in pages)
    assert any(p.audience == "members" for p in pages)
    assert any(listing.is_full(p) for p in pages)
    member_statuses = set(
        ExpressionOfInterest.objects.filter(
            member__email="member@example.org"
        ).values_list("status", flat=True)
    )
    assert len(member_statuses) >= 2


def test_member_data_export_and_erase(index, member, staff):
    from wagtail import hooks

    from members.models import ExpressionOfInterest, OpportunityAlert
    from website.dataexport import ERASE_HOOK, sections_for

    pending = InterestFactory(opportunity=make_opportunity(index), member=member)
    reviewed = InterestFactory(
        opportunity=make_opportunity(index), member=member, access_needs="Loop"
    )
    services.change_status(reviewed, "shortlisted", staff)
    alerts.save_alert(member, "weekly", ["event"], [])
    keys = [section.key for section in sections_for(member)]
    assert "expressions_of_interest" in keys
    assert "opportunity_alerts" in keys
    assert exports.erase_member_data in hooks.get_hooks(ERASE_HOOK)
    exports.erase_member_data(member)
    assert not ExpressionOfInterest.objects.filter(pk=pending.pk).exists()
    reviewed.refresh_from_db()
    assert (reviewed.why_interested, reviewed.access_needs) == ("", "")
    assert not OpportunityAlert.objects.filter(member=member).exists()


def test_home_slot_query_count_does_not_grow(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        client.get("/")  # publishing clears the site settings cache; warm it again
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    for _ in range(3):
        make_opportunity(index, regions=["london", "online"])
    few = count()
    for _ in range(10):
        make_opportunity(index, regions=["london", "online"])
    assert count() == few
