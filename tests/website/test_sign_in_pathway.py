"""One way in: Wagtail's own sign-in and reset routes cannot create a session (AU-1)."""

import pytest
from django.urls import NoReverseMatch, reverse


@pytest.mark.parametrize("path", ["/admin/login/", "/_util/login/"])
def test_legacy_login_with_correct_password_creates_no_session(
    client, editor, password, path
):
    response = client.post(path, {"username": editor.email, "password": password})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "path, target",
    [
        ("/admin/login/?next=/admin/", "/accounts/login/?next=/admin/"),
        ("/_util/login/", "/accounts/login/"),
        ("/admin/password_reset/", "/accounts/password/reset/"),
    ],
)
def test_legacy_routes_redirect_to_the_site_sign_in(client, db, path, target):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == target


def test_admin_password_reset_post_sends_nothing(client, editor, mailoutbox):
    client.post("/admin/password_reset/", {"email": editor.email})
    assert mailoutbox == []


def test_admin_sends_anonymous_visitors_to_the_site_sign_in(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/admin/")


def test_django_admin_is_not_mounted(db):
    with pytest.raises(NoReverseMatch):
        reverse("admin:index")


def test_editor_signs_in_through_allauth_and_reaches_admin(client, editor, password):
    response = client.post(
        "/accounts/login/", {"login": editor.email.upper(), "password": password}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/users/"])
def test_demo_member_is_sent_to_the_portal_not_into_a_redirect_loop(
    client, member, path
):
    client.force_login(member)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert not member.has_perm("wagtailadmin.access_admin")
    follow = client.get("/portal/")
    assert follow.status_code == 200
    assert b"The admin is for programme staff and editors" in follow.content
