"""Staff run pairings from the Wagtail admin; editors and members get 403 (AC-6)."""

import pytest
from django.urls import reverse

from members.coaching.models import Pairing, PairingPartner
from members.models import User
from tests.factories.pairings import make_enquiry, make_pairing, make_partner

S = Pairing.Status


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat", last_name="Jones")


@pytest.fixture
def enquiry(db):
    return make_enquiry(email="priya.shah@example.org", full_name="Priya Shah")


def admin_urls(enquiry, pairing):
    return [
        ("get", reverse("pairings_admin:index"), {}),
        ("get", reverse("pairings_admin:propose", args=[enquiry.pk]), {}),
        ("post", reverse("pairings_admin:propose", args=[enquiry.pk]), {}),
        ("get", reverse("pairings_admin:detail", args=[pairing.pk]), {}),
        (
            "post",
            reverse("pairings_admin:detail", args=[pairing.pk]),
            {"action": "invite"},
        ),
        ("get", reverse("pairings_admin:figures"), {}),
        ("get", reverse("pairings_admin:figures_csv"), {}),
    ]


@pytest.mark.parametrize("who", ["editor", "member", "moderator"])
def test_non_staff_are_refused_every_admin_pairing_view(
    client, request, who, partner, enquiry
):
    user = request.getfixturevalue(who)
    pairing = make_pairing(partner, S.PROPOSED)
    client.force_login(user)
    for method, address, data in admin_urls(enquiry, pairing):
        response = getattr(client, method)(address, data)
        assert response.status_code in (302, 403), address
        if response.status_code == 302:
            assert (
                "/admin/" not in response["Location"] or "login" in response["Location"]
            )
    assert Pairing.objects.get(pk=pairing.pk).status == S.PROPOSED


def test_staff_can_open_every_admin_pairing_view(client, staff, partner, enquiry):
    pairing = make_pairing(partner, S.ACTIVE)
    client.force_login(staff)
    for method, address, _ in admin_urls(enquiry, pairing):
        if method == "get":
            assert client.get(address).status_code == 200, address


def test_staff_propose_from_enquiry_then_invite(
    client, staff, partner, enquiry, mailoutbox
):
    client.force_login(staff)
    index = client.get(reverse("pairings_admin:index")).content.decode()
    assert enquiry.reference in index
    propose_url = reverse("pairings_admin:propose", args=[enquiry.pk])
    page = client.get(propose_url).content.decode()
    assert "Pat Jones" in page
    assert "Same region" in page
    response = client.post(
        propose_url,
        {
            "partner": partner.pk,
            "focus": "Carers strategy",
            "session_payment": "75.00",
            "expenses_limit": "40.00",
            f"reasons-{partner.pk}": "Same region (West Midlands)",
        },
    )
    pairing = Pairing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("pairings_admin:detail", args=[pairing.pk])
    assert pairing.expenses_limit == 40
    assert pairing.partners.get().match_reasons == "Same region (West Midlands)"
    client.post(response["Location"], {"action": "invite", "note": "Good fit"})
    pairing.refresh_from_db()
    assert pairing.status == S.PARTNER_INVITED
    detail = client.get(response["Location"]).content.decode()
    assert "Partner invited" in detail and "Good fit" in detail


@pytest.mark.parametrize(
    "data",
    [
        {},
        {
            "partner": "999999",
            "focus": "x",
            "session_payment": "1",
            "expenses_limit": "1",
        },
        {"partner": "1", "focus": "", "session_payment": "-1", "expenses_limit": "abc"},
        {"focus": "x" * 3000, "session_payment": "1e9", "expenses_limit": "1.234"},
    ],
)
def test_propose_with_bad_input_shows_errors(client, staff, enquiry, data):
    client.force_login(staff)
    response = client.post(reverse("pairings_admin:propose", args=[enquiry.pk]), data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not Pairing.objects.exists()


def test_staff_introduce_and_out_of_order_step_is_refused(client, staff, partner):
    pairing = make_pairing(partner, S.PARTNER_ACCEPTED)
    client.force_login(staff)
    detail = reverse("pairings_admin:detail", args=[pairing.pk])
    response = client.post(detail, {"action": "complete"}, follow=True)
    assert (
        "Only an active or paused pairing can be completed" in response.content.decode()
    )
    client.post(detail, {"action": "introduce"})
    pairing.refresh_from_db()
    assert pairing.status == S.INTRODUCED
    assert User.objects.get(email=pairing.enquiry.email) == pairing.leader


def test_declined_pairing_offers_propose_another(client, staff, partner):
    pairing = make_pairing(partner, S.PARTNER_DECLINED)
    client.force_login(staff)
    html = client.get(
        reverse("pairings_admin:detail", args=[pairing.pk])
    ).content.decode()
    assert "Propose another partner" in html
    other = make_partner("other@example.org")
    client.post(
        reverse("pairings_admin:propose", args=[pairing.enquiry_id]),
        {
            "partner": other.pk,
            "focus": "x",
            "session_payment": "0",
            "expenses_limit": "0",
        },
    )
    pairing.refresh_from_db()
    assert pairing.status == S.PROPOSED
    assert (
        pairing.partners.filter(status=PairingPartner.Status.PROPOSED).get().partner
        == other
    )


def test_admin_index_query_budget(
    client, staff, partner, django_assert_max_num_queries
):
    for _ in range(3):
        make_pairing(partner, S.ACTIVE)
    client.force_login(staff)
    client.get(reverse("pairings_admin:index"))
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("pairings_admin:index"))
    for _ in range(10):
        make_pairing(make_partner(), S.PARTNER_INVITED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("pairings_admin:index"))


def test_enquiry_page_in_the_admin_offers_propose_a_partner(client, staff, enquiry):
    client.force_login(staff)
    html = client.get(f"/admin/members/enquiry/inspect/{enquiry.pk}/").content.decode()
    propose = reverse("pairings_admin:propose", args=[enquiry.pk])
    assert f'href="{propose}"' in html
    assert client.get(propose).status_code == 200


def test_pairing_list_pages_keep_the_status_filter(client, staff, partner, db):
    """26 active pairings make two pages; "Next" keeps the filter and leads to the 26th."""
    for _ in range(26):
        make_pairing(partner, S.ACTIVE)
    make_pairing(partner, S.PROPOSED)
    client.force_login(staff)
    first = client.get(reverse("pairings_admin:index"), {"status": "active"})
    html = first.content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?status=active&amp;page=2"' in html
    second = client.get(
        reverse("pairings_admin:index"), {"status": "active", "page": 2}
    )
    page = second.context["page_obj"]
    assert page.number == 2
    assert [pairing.status for pairing in page.object_list] == [S.ACTIVE]
    assert "Page 2 of 2" in second.content.decode()
