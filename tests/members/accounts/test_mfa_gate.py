"""Staff MFA gate (AU-5): /admin/ needs an MFA step completed in this session."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache

from tests.factories.mfa import current_code
from tests.members.accounts.accounts_helpers import fresh_login


@pytest.fixture(autouse=True)
def require_mfa(settings):
    settings.REQUIRE_STAFF_MFA = True
    cache.clear()


@pytest.fixture
def staff_with_totp(staff):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    staff.totp_secret = secret
    return staff


CHECK_EMAIL = "/accounts/two-step/check-email/"


def prove_mailbox(client, mailoutbox):
    """Open the check-email step and type the code it emailed."""
    from tests.members.accounts.accounts_helpers import deliver_mail

    assert client.get(CHECK_EMAIL).status_code == 200
    assert client.post(CHECK_EMAIL, {"action": "send"}).status_code == 302
    message = deliver_mail(mailoutbox)[-1]
    code = re.search(r"\b(\d{6})\b", message.body).group(1)
    return client.post(CHECK_EMAIL, {"code": code})


ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/api/main/pages/",
    "/admin/members/memberprofile/",
]


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, staff, path):
    fresh_login(client, staff)
    response = client.get(path)
    assert response.status_code == 302
    # Setting one up starts with proving the mailbox (the password alone is not enough).
    assert response["Location"] == CHECK_EMAIL


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_a_session_without_an_mfa_step_is_refused_even_with_totp(
    client, staff_with_totp, path
):
    client.force_login(staff_with_totp)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "_auth_user_id" not in client.session


def test_staff_with_totp_complete_the_code_step_then_reach_the_admin(
    client, staff_with_totp, password
):
    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": staff_with_totp.email, "password": password},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    done = client.post(
        "/accounts/2fa/authenticate/",
        {"code": current_code(staff_with_totp.totp_secret)},
    )
    assert done.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_setting_up_totp_counts_as_this_sessions_mfa_step(
    client, staff, password, monkeypatch, mailoutbox
):
    # Outside a test transaction on_commit runs at once, inside the request; do the same.
    monkeypatch.setattr(
        "allauth.mfa.totp.internal.flows.transaction.on_commit",
        lambda callback, *args, **kwargs: callback(),
    )
    client.post("/accounts/login/", {"login": staff.email, "password": password})
    assert client.get("/admin/")["Location"] == CHECK_EMAIL
    assert (
        prove_mailbox(client, mailoutbox)["Location"] == "/accounts/2fa/totp/activate/"
    )
    # allauth asks for the password again before any MFA change (AU-6).
    client.post("/accounts/reauthenticate/", {"password": password})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = re.search(
        rb'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content
    ) or re.search(rb'value="([A-Z2-7]{32})"', page.content)
    assert secret, "the setup page shows the secret for people who cannot scan"
    secret = secret.group(1).decode()
    response = client.post(
        "/accounts/2fa/totp/activate/", {"code": current_code(secret)}
    )
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type="totp").exists()
    assert client.get("/admin/").status_code == 200


def test_editors_are_gated_too(client, editor):
    fresh_login(client, editor)
    assert client.get("/admin/")["Location"] == CHECK_EMAIL


def test_members_are_not_asked_for_mfa_and_still_cannot_reach_admin(client, member):
    fresh_login(client, member)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert "/accounts/2fa/" not in response.get("Location", "")
    assert client.get("/portal/").status_code == 200


def test_gate_is_off_when_the_setting_is_off(client, staff, settings):
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_the_password_alone_cannot_reach_the_authenticator_setup(client, staff):
    fresh_login(client, staff)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL


def test_a_wrong_mailbox_code_is_refused_and_stops_after_three_tries(
    client, staff, mailoutbox
):
    fresh_login(client, staff)
    assert client.get(CHECK_EMAIL).status_code == 200
    client.post(CHECK_EMAIL, {"action": "send"})
    answers = [client.post(CHECK_EMAIL, {"code": "000000"}) for _ in range(3)]
    assert "That code is not right" in answers[0].content.decode()
    assert answers[0].status_code == 200
    assert "too many times" in answers[2].content.decode()
    assert client.get("/accounts/2fa/totp/activate/")["Location"] == CHECK_EMAIL


@pytest.mark.parametrize("code", ["", " ", "x" * 5000, "<script>alert(1)</script>"])
def test_the_mailbox_code_form_answers_nonsense_with_a_message(client, staff, code):
    fresh_login(client, staff)
    client.post(CHECK_EMAIL, {"action": "send"})
    response = client.post(CHECK_EMAIL, {"code": code})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary' in html
    assert "<script>alert(1)" not in html


def test_the_mailbox_code_email_is_blanked_once_it_expires(client, staff):
    from post_office.models import Email

    from website import outbox

    fresh_login(client, staff)
    assert not Email.objects.exists(), "opening the page sends nothing"
    client.get(CHECK_EMAIL)
    assert not Email.objects.exists(), "opening the page sends nothing"
    client.post(CHECK_EMAIL, {"action": "send"})
    email = Email.objects.get(subject__contains="two-step sign-in")
    assert outbox.EXPIRES_HEADER in email.headers


def test_members_skip_the_mailbox_step(client, member):
    fresh_login(client, member)
    assert client.get(CHECK_EMAIL)["Location"] == "/accounts/2fa/totp/activate/"


def test_staff_cannot_sign_in_by_emailed_code_alone(client, staff, mailoutbox):
    from tests.members.accounts.accounts_helpers import deliver_mail

    client.post("/accounts/login/code/", {"email": staff.email})
    code = re.search(r"\b([A-Z0-9]{6})\b", deliver_mail(mailoutbox)[-1].body).group(1)
    response = client.post("/accounts/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert "_auth_user_id" not in client.session
    page = client.get("/accounts/login/").content.decode()
    assert "not with an emailed code alone" in page


def test_a_new_authenticator_is_emailed_to_its_holder(
    client, staff, password, monkeypatch, mailoutbox
):
    from tests.members.accounts.accounts_helpers import deliver_mail

    monkeypatch.setattr(
        "allauth.mfa.totp.internal.flows.transaction.on_commit",
        lambda callback, *args, **kwargs: callback(),
    )
    client.post("/accounts/login/", {"login": staff.email, "password": password})
    prove_mailbox(client, mailoutbox)
    client.post("/accounts/reauthenticate/", {"password": password})
    page = client.get("/accounts/2fa/totp/activate/")
    secret = re.search(rb'value="([A-Z2-7]{32})"', page.content).group(1).decode()
    client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert Authenticator.objects.filter(user=staff, type="totp").exists()
    notices = [
        m
        for m in deliver_mail(mailoutbox)
        if m.to == [staff.email] and "uthenticator" in m.body
    ]
    assert notices, [m.subject for m in mailoutbox]


# --- Staff resetting someone's two-step sign-in -----------------------------------------


def reset_url(profile):
    return f"/admin/members-accounts/members/{profile.pk}/reset-two-step/"


@pytest.fixture
def member_with_totp(member):
    from tests.members.accounts.accounts_helpers import make_profile

    TOTP.activate(member, generate_totp_secret())
    return make_profile(member)


def signed_in_with_mfa(client, user, minutes_ago=0):
    """A staff session whose two-step code was entered `minutes_ago`."""
    import time

    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    fresh_login(client, user)
    session = client.session
    records = session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    records.append(
        {"method": "mfa", "type": "totp", "at": time.time() - minutes_ago * 60}
    )
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()


def test_staff_reset_a_members_two_step_with_their_own_code_fresh(
    client, staff_with_totp, member_with_totp, mailoutbox
):
    from wagtail.models import ModelLogEntry

    from tests.members.accounts.accounts_helpers import deliver_mail

    signed_in_with_mfa(client, staff_with_totp)
    member = member_with_totp.user
    detail = client.get(f"/admin/members-accounts/members/{member_with_totp.pk}/")
    assert "Reset two-step sign-in" in detail.content.decode()
    response = client.post(reset_url(member_with_totp))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=member).exists()
    entry = ModelLogEntry.objects.get(action="members.mfa_reset")
    assert entry.user_id == staff_with_totp.pk
    assert entry.object_id == str(member.pk)
    told = [m for m in deliver_mail(mailoutbox) if m.to == [member.email]]
    assert told and "two-step sign-in was reset" in told[-1].subject.lower()


def test_a_stale_second_factor_is_asked_for_again_before_a_reset(
    client, staff_with_totp, member_with_totp
):
    signed_in_with_mfa(client, staff_with_totp, minutes_ago=60)
    response = client.post(reset_url(member_with_totp))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/")
    assert Authenticator.objects.filter(user=member_with_totp.user).exists()


def test_staff_cannot_reset_another_admin_users_two_step(
    client, staff_with_totp, editor
):
    from tests.members.accounts.accounts_helpers import make_profile

    TOTP.activate(editor, generate_totp_secret())
    profile = make_profile(editor)
    signed_in_with_mfa(client, staff_with_totp)
    response = client.post(reset_url(profile))
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor).exists()


def test_the_reset_is_post_only(client, staff_with_totp, member_with_totp):
    signed_in_with_mfa(client, staff_with_totp)
    assert client.get(reset_url(member_with_totp)).status_code == 405
