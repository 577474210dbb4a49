"""Open redirects and request size bounds (security checklist IV-5, IV-6)."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.factories import UserFactory
from tests.factories.users import PASSWORD

HOSTILE_NEXT = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "javascript:alert(1)",
    "https:evil.example",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_iv5_sign_in_never_redirects_off_site(db, target):
    user = UserFactory(email="iv5@example.org", groups=["Members"])
    client = Client()
    response = client.post(
        "/accounts/login/?next=" + target,
        {"login": user.email, "password": PASSWORD, "next": target},
    )
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert "evil.example" not in location
    assert not location.lower().startswith("javascript")


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_iv5_sign_out_never_redirects_off_site(db, target):
    client = Client()
    client.force_login(UserFactory(groups=["Members"]))
    response = client.post("/accounts/logout/", {"next": target})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_iv6_upload_limits_stay_at_or_below_django_defaults():
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert django_settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 1000
    assert django_settings.DATA_UPLOAD_MAX_NUMBER_FILES <= 100


def test_iv6_an_oversized_post_gets_a_400_not_a_500(home_page):
    client = Client(raise_request_exception=False)
    response = client.post(
        "/join/",
        "reason=" + "x" * 3_000_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_iv6_a_very_long_search_has_bounded_queries(
    client, home_page, django_assert_max_num_queries
):
    client.get("/search/?q=warm")  # warm caches (menus, settings)
    with django_assert_max_num_queries(30):
        response = client.get("/search/", {"q": "care " * 2000})
    assert response.status_code == 200
