"""The events listing's month filter: the months ahead (or behind, for past events), each
filter applied on its own, and nonsense in the address answered with the listing."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories.events import make_event

pytestmark = pytest.mark.django_db


def month_value(moment):
    local = timezone.localtime(moment)
    return f"{local.year}-{local.month:02d}"


def first_of_next_month():
    today = timezone.localdate()
    year, month = (
        (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    )
    return timezone.make_aware(datetime(year, month, 1, 10, 0))


def test_a_month_shows_only_its_events(client, home_page):
    later = first_of_next_month() + timedelta(days=3)
    make_event(title="Webinar next month", starts_at=later)
    make_event(title="Webinar in two months", starts_at=later + timedelta(days=35))
    html = client.get(f"/events/?month={month_value(later)}").content.decode()
    assert "Webinar next month" in html
    assert "Webinar in two months" not in html
    assert f'<option value="{month_value(later)}" selected>' in html


def test_month_and_kind_combine(client, home_page):
    later = first_of_next_month() + timedelta(days=3)
    make_event(title="Workshop next month", kind="workshop", starts_at=later)
    make_event(title="Webinar next month", starts_at=later)
    html = client.get(
        f"/events/?month={month_value(later)}&kind=workshop"
    ).content.decode()
    assert "Workshop next month" in html and "Webinar next month" not in html


def test_past_events_offer_the_months_behind(client, home_page):
    gone = timezone.now() - timedelta(days=40)
    make_event(title="Meeting long ago", starts_at=gone)
    html = client.get(f"/events/past/?month={month_value(gone)}").content.decode()
    assert "Meeting long ago" in html
    ahead = month_value(first_of_next_month())
    assert f'value="{ahead}"' not in html


@pytest.mark.parametrize(
    "value", ["1999-01", "2026-13", "nonsense", "x" * 5000, "%00", "<script>"]
)
def test_a_month_that_is_not_offered_leaves_the_other_filters_working(
    client, home_page, value
):
    make_event(title="Online webinar")
    make_event(title="Workshop in person", kind="workshop", format="in_person")
    response = client.get("/events/", {"month": value, "kind": "workshop"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Workshop in person" in html and "Online webinar" not in html
