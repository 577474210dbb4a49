"""Programme staff review interests in the admin; editors and members get none (AC-4, AC-6)."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from members.models import ExpressionOfInterest
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)

INDEX = "/admin/members/expressionofinterest/"
EXPORT = "/admin/opportunity-interests/export/"
BULK = "/admin/opportunity-interests/bulk/"
BULK_APPLY = "/admin/opportunity-interests/bulk/apply/"


def inspect_url(interest):
    return f"{INDEX}inspect/{interest.pk}/"


@pytest.fixture
def opportunity(home_page):
    return make_opportunity(ensure_index(home_page), title="Advisory panel", places=2)


@pytest.fixture
def interest(opportunity, member):
    return InterestFactory(
        opportunity=opportunity,
        member=member,
        why_interested='=HYPERLINK("http://evil")',
        availability="+44 mornings",
        access_needs="Needs a hearing loop",
    )


def requests_for(interest):
    return [
        ("get", INDEX, {}),
        ("get", INDEX + "?export=csv", {}),
        ("get", inspect_url(interest), {}),
        ("post", inspect_url(interest), {"action": "status", "status": "shortlisted"}),
        ("post", inspect_url(interest), {"action": "notes", "internal_notes": "hi"}),
        ("get", EXPORT, {}),
        ("get", BULK, {}),
        ("post", BULK_APPLY, {"interest": [interest.pk], "status": "shortlisted"}),
        ("get", f"{INDEX}edit/{interest.pk}/", {}),
        ("get", f"{INDEX}delete/{interest.pk}/", {}),
        ("post", f"{INDEX}delete/{interest.pk}/", {}),
    ]


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_get_403_on_every_interest_admin_url(client, request, interest, role):
    client.force_login(request.getfixturevalue(role))
    for method, url, data in requests_for(interest):
        response = getattr(client, method)(url, data)
        assert response.status_code in (403, 302), (method, url, response.status_code)
        if response.status_code == 302:
            assert "/admin/members/expressionofinterest" not in response["Location"]
    interest.refresh_from_db()
    assert interest.status == "submitted"
    assert interest.internal_notes == ""
    assert ExpressionOfInterest.objects.filter(pk=interest.pk).exists()


def test_members_are_kept_out_of_the_admin(client, member, interest):
    client.force_login(member)
    for method, url, data in requests_for(interest):
        response = getattr(client, method)(url, data)
        assert response.status_code in (302, 403), (method, url)
    interest.refresh_from_db()
    assert interest.status == "submitted"


def test_staff_list_and_filter_interests(client, staff, interest):
    client.force_login(staff)
    response = client.get(INDEX + f"?opportunity={interest.opportunity_id}")
    assert response.status_code == 200
    assert "Advisory panel" in response.content.decode()
    assert client.get(INDEX + "?status__exact=submitted").status_code == 200


def test_staff_change_status_and_member_is_emailed(
    client, staff, interest, member, mailoutbox
):
    client.force_login(staff)
    page = client.get(inspect_url(interest)).content.decode()
    assert (
        "Needs a hearing loop" not in page
    )  # special category needs its own permission
    response = client.post(
        inspect_url(interest), {"action": "status", "status": "shortlisted"}
    )
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.status == "shortlisted"
    call_command("run_outbox_worker", once=True)
    assert mailoutbox[-1].to == [member.email]
    assert "shortlisted" in mailoutbox[-1].subject


def test_staff_cannot_jump_to_an_invalid_status(client, staff, interest):
    client.force_login(staff)
    response = client.post(
        inspect_url(interest), {"action": "status", "status": "accepted"}
    )
    assert response.status_code == 200
    interest.refresh_from_db()
    assert interest.status == "submitted"


def test_staff_save_internal_notes_member_never_sees_them(
    client, staff, member, interest
):
    client.force_login(staff)
    client.post(
        inspect_url(interest), {"action": "notes", "internal_notes": "Call on Tuesday"}
    )
    interest.refresh_from_db()
    assert interest.internal_notes == "Call on Tuesday"
    client.force_login(member)
    page = client.get(f"/portal/interests/{interest.pk}/").content.decode()
    assert "Call on Tuesday" not in page


def test_staff_cannot_delete_interests(client, staff, interest):
    client.force_login(staff)
    client.post(f"{INDEX}delete/{interest.pk}/")
    assert ExpressionOfInterest.objects.filter(pk=interest.pk).exists()


def test_csv_export_neutralises_formulas_and_hides_access_needs(
    client, staff, interest
):
    client.force_login(staff)
    response = client.get(EXPORT + f"?opportunity={interest.opportunity_id}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert "Access needs" not in rows[0]
    body = rows[1]
    assert '\'=HYPERLINK("http://evil")' in body
    assert "'+44 mornings" in body
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
    )


def test_csv_export_includes_access_needs_only_with_the_permission(
    client, staff, interest
):
    staff.user_permissions.add(
        Permission.objects.get(codename="view_interest_access_needs")
    )
    client.force_login(staff)
    rows = list(csv.reader(io.StringIO(client.get(EXPORT).content.decode())))
    assert rows[0][-1] == "Access needs"
    assert rows[1][-1] == "Needs a hearing loop"
    assert "Needs a hearing loop" in client.get(inspect_url(interest)).content.decode()


def test_bulk_status_change_emails_each_member(
    client, staff, opportunity, member, member_other, mailoutbox
):
    a = InterestFactory(opportunity=opportunity, member=member)
    b = InterestFactory(opportunity=opportunity, member=member_other, status="accepted")
    client.force_login(staff)
    assert client.get(BULK + f"?opportunity={opportunity.pk}").status_code == 200
    client.post(BULK_APPLY, {"interest": [a.pk, b.pk], "status": "shortlisted"})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == ("shortlisted", "accepted")
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_bulk_with_junk_input_is_a_message_not_a_500(client, staff):
    client.force_login(staff)
    response = client.post(BULK_APPLY, {"interest": ["x", "\x00"], "status": "nope"})
    assert response.status_code == 302


def test_programme_staff_group_has_interest_permissions_but_not_special_category():
    from django.contrib.auth.models import Group

    staff = set(
        Group.objects.get(name="Programme staff").permissions.values_list(
            "codename", flat=True
        )
    )
    assert {
        "view_expressionofinterest",
        "change_expressionofinterest",
        "export_expressionofinterest",
    } <= staff
    assert "view_interest_access_needs" not in staff
    for name in ("Editors", "Moderators", "Members"):
        codes = set(
            Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        )
        assert not {c for c in codes if "expressionofinterest" in c or "interest_" in c}


pytestmark = pytest.mark.django_db


def test_opportunity_edit_page_shows_interest_counts(client, superuser, opportunity):
    from tests.factories import UserFactory

    for status in ("submitted", "shortlisted", "accepted"):
        InterestFactory(
            opportunity=opportunity,
            member=UserFactory(groups=["Members"]),
            status=status,
        )
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{opportunity.pk}/edit/").content.decode()
    assert "3 interests · 1 shortlisted · 1 accepted · 1 place left" in " ".join(
        html.split()
    )
    assert f"?opportunity={opportunity.pk}" in html
