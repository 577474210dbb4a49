"""Signing in: password, emailed code, reset; clear messages and no hint an email exists."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.members.accounts.accounts_helpers import deliver_mail


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_sign_in_page_offers_a_code_and_no_sign_up(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert "<h1>Sign in</h1>" in page
    assert "Email me a sign-in code" in page
    assert "/accounts/signup/" not in page
    assert 'autocomplete="email"' in page
    assert 'autocomplete="current-password"' in page
    assert re.search(r'<label class="field__label" for="id_login">', page)
    assert re.search(r'<label class="field__label" for="id_password">', page)


def test_signup_url_says_joining_is_by_invitation(client, db):
    response = client.get("/accounts/signup/")
    assert b"Accounts are created by invitation" in response.content
    assert b'name="password1"' not in response.content


def test_member_signs_in_with_password_and_reaches_the_portal(client, member, password):
    response = client.post(
        "/accounts/login/?next=/portal/",
        {"login": " MEMBER@example.org ", "password": password},
    )
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert client.get("/portal/").status_code == 200


def test_a_member_without_next_lands_on_the_portal(client, member, password):
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": password}
    )
    assert response["Location"] == "/portal/"


@pytest.mark.parametrize("who", ["staff", "editor"])
def test_people_with_admin_access_land_in_the_admin(client, db, request, password, who):
    """Staff used to land on the member portal ("Complete your profile") with no way on."""
    user = request.getfixturevalue(who)
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": password}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def error_text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_wrong_password_and_unknown_email_give_the_same_clear_message(client, member):
    wrong = client.post(
        "/accounts/login/", {"login": member.email, "password": "not-the-password"}
    )
    unknown = client.post(
        "/accounts/login/",
        {"login": "nobody@example.org", "password": "not-the-password"},
    )
    assert wrong.status_code == unknown.status_code == 200
    assert "There is a problem" in error_text(wrong)
    assert "The email address and/or password you specified are not correct." in (
        error_text(wrong)
    )
    assert "The email address and/or password you specified are not correct." in (
        error_text(unknown)
    )
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "login", ["", "x" * 5000, "a\x00b@example.org", "<script>@example.org", "😀"]
)
def test_odd_sign_in_input_never_breaks_the_page(client, db, login):
    response = client.post("/accounts/login/", {"login": login, "password": "x"})
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"<script>@" not in response.content


def request_code(client, email):
    return client.post("/accounts/login/code/", {"email": email})


def test_member_signs_in_with_an_emailed_code(client, member, mailoutbox):
    response = request_code(client, member.email)
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert b"Enter your sign-in code" in page.content
    assert b'autocomplete="one-time-code"' in page.content
    message = deliver_mail(mailoutbox)[-1]
    code = re.search(r"\b([A-Z0-9]{6})\b", message.body).group(1)
    done = client.post("/accounts/login/code/confirm/", {"code": code})
    assert done.status_code == 302
    assert client.get("/portal/").status_code == 200


def test_code_request_looks_the_same_for_known_and_unknown_emails(
    client, member, mailoutbox
):
    known = request_code(client, member.email)
    known_page = client.get(known["Location"]).content
    client.cookies.clear()
    unknown = request_code(client, "nobody@example.org")
    unknown_page = client.get(unknown["Location"]).content
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert b"If " in known_page and b"If " in unknown_page
    assert known_page.replace(b"member@example.org", b"X").count(b"<h1>") == 1
    assert unknown_page.count(b"<h1>") == 1


def test_a_code_entered_wrongly_too_often_stops_working_without_a_500(
    client, member, mailoutbox
):
    request_code(client, member.email)
    responses = [
        client.post("/accounts/login/code/confirm/", {"code": "WRONG1"})
        for _ in range(5)
    ]
    # Wrong answers are told so until the last allowed attempt; that one and every later
    # try send the person back to ask for a new code.
    allowed = settings.ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS
    for attempt, response in enumerate(responses[: allowed - 1], start=1):
        assert response.status_code == 200, attempt
        assert b"Incorrect code" in response.content, attempt
    for attempt, response in enumerate(responses[allowed - 1 :], start=allowed):
        assert response.status_code == 302, attempt
        assert response["Location"] == "/accounts/login/code/", attempt
    assert client.get("/accounts/login/code/").status_code == 200
    assert "_auth_user_id" not in client.session


def test_password_reset_page_is_the_same_for_known_and_unknown_emails(
    client, member, mailoutbox
):
    known = client.post("/accounts/password/reset/", {"email": member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert client.get(known["Location"]).status_code == 200


def test_sign_out_asks_for_confirmation_and_get_does_not_sign_out(client, member):
    client.force_login(member)
    page = client.get("/accounts/logout/")
    assert b"Do you want to sign out" in page.content
    assert "_auth_user_id" in client.session
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_session_key_changes_at_sign_in_and_old_cookie_dies_at_sign_out(
    client, member, password
):
    from django.conf import settings
    from django.test import Client

    client.get("/accounts/login/")
    client.session.save()
    before = client.cookies.get(settings.SESSION_COOKIE_NAME)
    client.post("/accounts/login/", {"login": member.email, "password": password})
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert before is None or before.value != after
    client.post("/accounts/logout/")
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = after
    assert replay.get("/portal/").status_code == 302


def test_changing_the_password_signs_out_other_sessions(client, member, password):
    from django.test import Client

    other = Client()
    other.force_login(member)
    client.post("/accounts/login/", {"login": member.email, "password": password})
    client.post("/accounts/reauthenticate/", {"password": password})
    new = "a much longer passphrase for morgan"
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": password, "password1": new, "password2": new},
    )
    assert response.status_code == 302
    assert client.get("/portal/").status_code == 200
    assert other.get("/portal/").status_code == 302
