"""Invitations and applications: single-use expiring links, kind emails, staff actions."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from members.accounts import joining
from members.accounts import services as services
from members.models import Application, Invitation, User
from tests.members.accounts.accounts_helpers import deliver_mail, link_in, path_of

NEW_PASSWORD = "teapot river yellow ladder"


@pytest.fixture
def invitation_link(db, staff, mailoutbox):
    joining.invite_member("New.Person@Example.org", "partner", invited_by=staff)
    message = deliver_mail(mailoutbox)[-1]
    return path_of(link_in(message))


def accept(client, link, **overrides):
    data = {
        "preferred_name": "Nia",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "accept_privacy": "on",
        **overrides,
    }
    return client.post(link, data)


def test_invitation_email_has_a_single_use_link_and_expiry(
    db, staff, mailoutbox, invitation_link
):
    message = mailoutbox[-1]
    assert message.to == ["new.person@example.org"]
    assert "expires on" in message.body
    token = invitation_link.rstrip("/").split("/")[-1]
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_invitee_sets_a_password_and_lands_in_the_portal_as_a_member(
    client, invitation_link
):
    page = client.get(invitation_link)
    assert page.status_code == 200
    assert b"Set up your Voices account" in page.content
    assert b'autocomplete="new-password"' in page.content
    response = accept(client, invitation_link)
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    user = User.objects.get(email="new.person@example.org")
    assert user.check_password(NEW_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == ["Members"]
    assert not user.has_perm("wagtailadmin.access_admin")
    assert user.profile.privacy_notice_accepted_at is not None
    assert user.profile.privacy_notice_version
    assert user.emailaddress_set.get().verified
    assert client.get("/portal/").status_code == 200


def test_an_invitation_link_works_only_once(client, invitation_link):
    accept(client, invitation_link)
    client.logout()
    again = client.get(invitation_link)
    assert again.status_code == 404
    assert b"This invitation link cannot be used" in again.content
    assert accept(client, invitation_link, password1="x" * 20).status_code == 404
    assert User.objects.filter(email="new.person@example.org").count() == 1


def test_an_expired_invitation_link_is_refused_kindly(client, invitation_link):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(invitation_link)
    assert response.status_code == 404
    assert b"may have expired" in response.content
    assert accept(client, invitation_link).status_code == 404
    assert not User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.parametrize(
    "suffix", ["x", "tampered", "A" * 500, "%00", "<script>", "' OR 1=1 --"]
)
def test_tampered_or_unknown_links_get_the_same_page_and_never_a_500(
    client, invitation_link, suffix
):
    link = invitation_link.rstrip("/") + suffix + "/"
    response = client.get(link)
    assert response.status_code == 404
    assert b"This invitation link cannot be used" in response.content


def test_resending_replaces_the_old_link_and_revoking_stops_it(
    client, staff, mailoutbox, invitation_link
):
    invitation = Invitation.objects.get()
    joining.resend_invitation(invitation, by=staff)
    new_link = path_of(link_in(deliver_mail(mailoutbox)[-1]))
    assert new_link != invitation_link
    assert client.get(invitation_link).status_code == 404
    assert client.get(new_link).status_code == 200
    joining.revoke_invitation(invitation, by=staff)
    assert client.get(new_link).status_code == 404


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"password1": "", "password2": ""}, b"Enter a password"),
        ({"password2": "something else entirely"}, b"The two passwords do not match"),
        ({"password1": "short", "password2": "short"}, b"too short"),
        (
            {"password1": "voices voices voices", "password2": "voices voices voices"},
            b"name of this programme",
        ),
        ({"accept_privacy": ""}, b"Tick the box to agree to the privacy notice"),
        ({"preferred_name": "x" * 101}, b"at most 100 characters"),
    ],
)
def test_bad_input_on_the_invitation_form_gets_a_field_message(
    client, invitation_link, overrides, message
):
    response = accept(client, invitation_link, **overrides)
    assert response.status_code == 200
    assert message in response.content
    assert b"There is a problem" in response.content
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_control_characters_in_the_name_are_removed(client, invitation_link):
    accept(client, invitation_link, preferred_name="Ni\u202ea\x07 <b>")
    assert User.objects.get(email="new.person@example.org").preferred_name == "Nia <b>"


def test_a_signed_in_person_is_asked_to_sign_out_first(client, member, invitation_link):
    client.force_login(member)
    response = client.get(invitation_link)
    assert b"already signed in" in response.content
    assert Invitation.objects.get().is_open


# Applications ------------------------------------------------------------------------


def apply(client, **overrides):
    data = {
        "name": "Pat Applicant",
        "email": "pat@example.org",
        "member_type": "partner",
        "region": "",
        "organisation": "",
        "reason": "I care for my mum and want to help services listen.",
        "accept_privacy": "on",
        **overrides,
    }
    return client.post("/join/", data)


def test_applying_saves_the_application_and_emails_applicant_and_staff(
    client, staff, mailoutbox, db
):
    response = apply(client)
    assert response.status_code == 302
    assert response["Location"] == "/join/thanks/"
    application = Application.objects.get()
    assert application.status == "pending"
    sent = deliver_mail(mailoutbox)
    recipients = sorted(address for message in sent for address in message.to)
    assert recipients == ["pat@example.org", "staff@example.org"]
    staff_message = next(m for m in sent if m.to == ["staff@example.org"])
    assert "I care for my mum" not in staff_message.body


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": ""}, b"Enter your name"),
        ({"name": "   "}, b"Enter your name"),
        ({"email": "not an email"}, b"Enter an email address like"),
        ({"reason": ""}, b"Tell us a little about why"),
        ({"reason": "x" * 2001}, b"at most 2000 characters"),
        ({"reason": "x" * 1_000_000}, b"at most 2000 characters"),
        ({"member_type": "staff"}, b"Select a valid choice"),
        ({"accept_privacy": ""}, b"Tick the box to agree"),
    ],
)
def test_bad_input_on_the_application_form(client, db, overrides, message):
    response = apply(client, **overrides)
    assert response.status_code == 200
    assert message in response.content
    assert not Application.objects.exists()


def test_nul_and_control_characters_are_stripped_from_an_application(client, db):
    apply(client, name="Pa\x00t\u202e", reason="line one\r\nline two\x1b")
    application = Application.objects.get()
    assert application.name == "Pat"
    assert application.reason == "line one\nline two"


def test_html_and_emoji_in_an_application_are_kept_as_plain_text(client, db, staff):
    apply(client, reason="<script>alert(1)</script> 🌻")
    application = Application.objects.get()
    assert application.reason == "<script>alert(1)</script> 🌻"
    client.force_login(staff)
    page = client.get(f"/admin/members-accounts/applications/{application.pk}/decide/")
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;" in page.content


def test_staff_approving_an_application_sends_the_invitation(
    client, staff, mailoutbox, db
):
    apply(client)
    application = Application.objects.get()
    deliver_mail(mailoutbox).clear()
    client.force_login(staff)
    url = f"/admin/members-accounts/applications/{application.pk}/decide/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.invitation.is_open
    (message,) = deliver_mail(mailoutbox)
    assert message.to == ["pat@example.org"]
    assert "/invitations/" in message.body


def test_staff_declining_sends_a_kind_email_with_their_note(
    client, staff, mailoutbox, db
):
    apply(client)
    application = Application.objects.get()
    deliver_mail(mailoutbox).clear()
    client.force_login(staff)
    url = f"/admin/members-accounts/applications/{application.pk}/decide/"
    client.post(url, {"decision": "decline", "note": "Try again in spring & thanks"})
    application.refresh_from_db()
    assert application.status == "declined"
    (message,) = deliver_mail(mailoutbox)
    assert "welcome to apply again" in message.body
    assert "Try again in spring & thanks" in message.body
    assert not Invitation.objects.exists()


def test_staff_invite_a_pasted_list_and_existing_accounts_are_skipped(
    client, staff, member, mailoutbox
):
    client.force_login(staff)
    response = client.post(
        "/admin/members-accounts/invite/",
        {
            "emails": "a@example.org, B@example.org\nmember@example.org;a@example.org",
            "member_type": "organisation",
            "network_slug": "",
        },
    )
    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "a@example.org",
        "b@example.org",
    ]
    assert len(deliver_mail(mailoutbox)) == 2


def test_invite_form_rejects_things_that_are_not_addresses(client, staff):
    client.force_login(staff)
    response = client.post(
        "/admin/members-accounts/invite/",
        {"emails": "ok@example.org, nonsense", "member_type": "partner"},
    )
    assert response.status_code == 200
    assert b"These are not email addresses: nonsense" in response.content
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/members-accounts/invite/",
        "/admin/members-accounts/applications/{application}/decide/",
        "/admin/members-accounts/invitations/{invitation}/resend/",
        "/admin/members-accounts/invitations/{invitation}/revoke/",
        "/admin/members-accounts/members/{profile}/",
    ],
)
def test_editors_cannot_use_member_admin_views(client, editor, member, path):
    from tests.members.accounts.accounts_helpers import make_profile

    invitation = joining.invite_member("x@example.org", "partner")
    application = Application.objects.create(
        name="A", email="a@example.org", reason="r", privacy_notice_version="1"
    )
    profile = make_profile(member)
    client.force_login(editor)
    url = path.format(
        application=application.pk, invitation=invitation.pk, profile=profile.pk
    )
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"decision": "approve"}).status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == "pending"
    assert Invitation.objects.get().is_open


def test_staff_group_holds_no_user_management_permissions(db):
    staff = Group.objects.get(name="Programme staff")
    codenames = set(staff.permissions.values_list("codename", flat=True))
    assert not codenames & {"add_user", "change_user", "delete_user"}
    assert "view_special_category" not in codenames


def test_applications_are_rate_limited_per_address(client, staff, db, settings):
    settings.APPLICATION_RATE_LIMIT_PER_IP = 2
    for number in range(2):
        assert apply(client, email=f"pat{number}@example.org").status_code == 302
    response = apply(client, email="pat9@example.org")
    assert response.status_code == 429
    assert b"Too many attempts" in response.content
    assert Application.objects.count() == 2
    other = client.post(
        "/join/", {"name": "Kim"}, REMOTE_ADDR="10.9.8.7"
    )  # another address is not affected: it gets the ordinary form errors
    assert other.status_code == 200
