"""The concerns log in the admin: only the designated safeguarding leads open it or a
concern (a real 403 for everyone else, superusers too); every opening is recorded; filters
and pages answer junk without a 500; leads close concerns; staff raise them from the admin;
the log's queries do not grow with the number of concerns."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from members.safeguarding import services
from members.safeguarding.models import Concern, ConcernView
from tests.members.safeguarding.conftest import raise_one

pytestmark = pytest.mark.django_db
LOG = "/admin/safeguarding/"


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


def test_a_lead_opens_the_log_and_each_opening_is_recorded(lead_client, partner, lead):
    urgent = raise_one(partner, immediate_risk=True, person_concerned="Someone urgent")
    calm = raise_one(partner, person_concerned="Someone calm")
    page = lead_client.get(LOG).content.decode()
    assert f"Concern {urgent.pk}" in page and f"Concern {calm.pk}" in page
    assert "Someone urgent" in page
    assert ConcernView.objects.filter(viewer=lead, action="listed").count() == 1
    assert (
        ModelLogEntry.objects.filter(action="members.concern_log_viewed").count() == 1
    )


def test_the_log_filters_by_status_and_immediate_risk(lead_client, partner, lead):
    urgent = raise_one(partner, immediate_risk=True)
    calm = raise_one(partner)
    closed = raise_one(partner)
    services.close_concern(closed, by=lead, outcome="Done")

    def listed(query):
        page = lead_client.get(LOG + query).content.decode()
        return {c.pk for c in (urgent, calm, closed) if f">Concern {c.pk}<" in page}

    assert listed("") == {urgent.pk, calm.pk}  # open ones by default
    assert listed("?status=&risk=") == {urgent.pk, calm.pk, closed.pk}
    assert listed("?status=open&risk=yes") == {urgent.pk}
    assert listed("?status=closed") == {closed.pk}


@pytest.mark.parametrize(
    "query",
    [
        "?status=<script>&risk=%00",
        "?page=-1",
        "?page=99999999999999999999",
        "?page=abc&status=" + "x" * 5000,
    ],
)
def test_junk_in_the_log_address_shows_a_page_not_an_error(lead_client, partner, query):
    raise_one(partner)
    response = lead_client.get(LOG + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>")[-1]


@pytest.mark.parametrize("who", ["staff", "editor", "superuser"])
def test_anyone_but_a_lead_is_refused_the_log_and_each_concern(
    client, partner, who, request
):
    concern = raise_one(partner)
    client.force_login(request.getfixturevalue(who))
    for path in (LOG, f"{LOG}{concern.pk}/"):
        response = client.get(path)
        assert response.status_code == 403
        assert "A worry about someone" not in response.content.decode()
    response = client.post(f"{LOG}{concern.pk}/close/", {"outcome": "Closed by me"})
    assert response.status_code == 403
    concern.refresh_from_db()
    assert concern.status == Concern.Status.OPEN
    assert not ConcernView.objects.exists()


def test_a_superuser_who_joins_the_group_reads_the_log_and_the_join_is_audited(
    client, superuser, partner
):
    raise_one(partner)
    superuser.groups.add(Group.objects.get(name="Safeguarding leads"))
    client.force_login(superuser)
    assert client.get(LOG).status_code == 200
    assert ModelLogEntry.objects.filter(
        action="members.group_added", data__group="Safeguarding leads"
    ).exists()


def test_opening_a_concern_shows_it_and_records_the_view(lead_client, partner, lead):
    concern = raise_one(partner, what_happened="They looked frightened <b>today</b>.")
    response = lead_client.get(f"{LOG}{concern.pk}/")
    page = response.content.decode()
    assert "They looked frightened &lt;b&gt;today&lt;/b&gt;." in page
    assert partner.email in page
    assert concern.views.filter(viewer=lead, action="viewed").count() == 1
    assert ModelLogEntry.objects.filter(
        action="members.concern_viewed", object_id=str(concern.pk), user=lead
    ).exists()
    assert lead_client.get(f"{LOG}999999/").status_code == 404


def test_a_lead_closes_a_concern_with_what_was_done(lead_client, partner, lead):
    concern = raise_one(partner)
    response = lead_client.post(
        f"{LOG}{concern.pk}/close/", {"outcome": "Talked with them; GP involved."}
    )
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED and concern.closed_by == lead
    page = lead_client.get(f"{LOG}{concern.pk}/").content.decode()
    assert "Talked with them; GP involved." in page
    assert "Close the concern" not in page


@pytest.mark.parametrize("outcome", ["", "   ", "x" * 5001])
def test_closing_without_a_sensible_outcome_is_refused(lead_client, partner, outcome):
    concern = raise_one(partner)
    response = lead_client.post(f"{LOG}{concern.pk}/close/", {"outcome": outcome})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    concern.refresh_from_db()
    assert concern.status == Concern.Status.OPEN


def test_staff_raise_a_concern_from_the_admin_and_see_the_guidance(client, staff, lead):
    client.force_login(staff)
    assert client.get(f"{LOG}new/").status_code == 200
    response = client.post(
        f"{LOG}new/",
        {
            "immediate_risk": "yes",
            "about": "other",
            "person_concerned": "A volunteer",
            "what_happened": "They said they would hurt themselves tonight.",
        },
        follow=True,
    )
    concern = Concern.objects.get()
    assert concern.raised_by == staff and concern.immediate_risk
    page = response.content.decode()
    assert "Call 999" in page and "NHS 111" in page
    assert f"{LOG}{concern.pk}/" not in page  # staff cannot open it
    assert client.post(f"{LOG}new/", {"what_happened": "x" * 6000}).status_code == 400
    assert Concern.objects.count() == 1


def test_the_menu_item_and_things_to_do_are_only_for_leads(
    client, lead, staff, partner
):
    raise_one(partner, immediate_risk=True)
    raise_one(partner)
    raise_one(partner)
    client.force_login(lead)
    home = client.get("/admin/").content.decode()
    assert "Safeguarding concerns" in home
    assert "1 open safeguarding concern with immediate risk" in home
    assert "2 open safeguarding concerns" in home
    assert home.index("with immediate risk") < home.index("2 open safeguarding")
    assert "Raise a safeguarding concern" not in home  # leads raise from the log
    client.force_login(staff)
    home = client.get("/admin/").content.decode()
    assert "Safeguarding concerns" not in home
    assert "open safeguarding concern" not in home
    assert "Raise a safeguarding concern" in home and f"{LOG}new/" in home


def _log_queries(client, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(LOG + "?status=&risk=")
    assert response.status_code == 200
    return len(captured)


def test_the_log_costs_the_same_queries_at_twenty_times_the_concerns(
    lead_client, partner, staff, django_assert_max_num_queries
):
    for _ in range(3):
        raise_one(partner)
    lead_client.get(LOG)  # settle the session and Wagtail's first-visit work
    small = _log_queries(lead_client, django_assert_max_num_queries, 30)
    Concern.objects.bulk_create(
        [
            Concern(raised_by=staff if i % 2 else partner, what_happened="Bulk")
            for i in range(60)
        ]
    )
    large = _log_queries(lead_client, django_assert_max_num_queries, 30)
    assert large == small
