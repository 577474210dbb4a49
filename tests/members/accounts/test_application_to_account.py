"""What an applicant told us carries into their invitation and account (staff may correct it).

The bug this guards: an approved applicant's account had no name or region, so the portal
greeted them by the start of their email address ("Hello, nia.newcomer").
"""

import pytest

from home.models import Region
from members.models import Application, User
from tests.members.accounts.accounts_helpers import deliver_mail, link_in, path_of

PASSWORD = "teapot river yellow ladder"


@pytest.fixture
def application(client, db):
    region = Region.objects.get(slug="west-midlands")
    response = client.post(
        "/join/",
        {
            "name": "Nia Newcomer",
            "email": "nia.newcomer@example.org",
            "member_type": "organisation",
            "region": str(region.pk),
            "organisation": "Carers Together",
            "reason": "I would like to help services listen.",
            "accept_privacy": "on",
        },
    )
    assert response.status_code == 302
    return Application.objects.get()


def decide_url(application):
    return f"/admin/members-accounts/applications/{application.pk}/decide/"


def approve(client, staff, application, **edits):
    client.force_login(staff)
    data = {
        "decision": "approve",
        "name": application.name,
        "member_type": application.member_type,
        "region": str(application.region_id or ""),
        "organisation": application.organisation,
        **edits,
    }
    response = client.post(decide_url(application), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()


def invitation_path(mailoutbox):
    message = deliver_mail(mailoutbox)[-1]
    assert message.to == ["nia.newcomer@example.org"]
    return message, path_of(link_in(message))


def test_the_approval_form_shows_what_the_applicant_told_us_for_editing(
    client, staff, application
):
    client.force_login(staff)
    page = client.get(decide_url(application)).content.decode()
    assert 'name="name"' in page and 'value="Nia Newcomer"' in page
    assert 'value="Carers Together"' in page
    assert f'<option value="{application.region_id}" selected>' in page


def test_an_approved_applicants_account_has_their_name_region_and_organisation(
    client, staff, mailoutbox, application
):
    approve(client, staff, application)
    message, path = invitation_path(mailoutbox)
    assert message.body.startswith("Hello Nia Newcomer,")
    page = client.get(path).content.decode()
    assert 'value="Nia"' in page  # "What should we call you?" starts from their name
    client.post(
        path,
        {
            "preferred_name": "Nia",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_privacy": "on",
        },
    )
    user = User.objects.get(email="nia.newcomer@example.org")
    assert (user.first_name, user.last_name) == ("Nia", "Newcomer")
    assert user.profile.region.slug == "west-midlands"
    assert user.profile.organisation == "Carers Together"
    assert user.profile.member_type == "organisation"
    portal = client.get("/portal/").content.decode()
    assert "Hello, Nia" in portal
    assert "nia.newcomer" not in portal.split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_staff_corrections_before_sending_are_what_the_account_gets(
    client, staff, mailoutbox, application
):
    other = Region.objects.exclude(pk=application.region_id).first()
    approve(
        client,
        staff,
        application,
        name="Nia Newcombe",
        region=str(other.pk),
        organisation="Carers Together CIC",
    )
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.name == "Nia Newcombe"
    _, path = invitation_path(mailoutbox)
    client.post(
        path,
        {
            "preferred_name": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_privacy": "on",
        },
    )
    user = User.objects.get(email="nia.newcomer@example.org")
    assert user.display_name == "Nia Newcombe"
    assert user.profile.region == other
    assert user.profile.organisation == "Carers Together CIC"


def test_a_blank_name_on_approval_is_refused(client, staff, mailoutbox, application):
    client.force_login(staff)
    response = client.post(
        decide_url(application),
        {"decision": "approve", "name": " ", "member_type": "partner", "region": ""},
    )
    assert response.status_code == 200
    assert b"Enter the name" in response.content
    application.refresh_from_db()
    assert application.status == "pending"
