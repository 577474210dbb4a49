"""The custom user: email is the identifier, unique whatever its case, and Wagtail can manage it."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from members.models import User


def test_email_is_unique_ignoring_case(db):
    User.objects.create_user("Someone@Example.org", "a-long-enough-passphrase")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("someone@example.ORG", "another-long-passphrase")


def test_email_lookup_ignores_case(db):
    user = User.objects.create_user("Case@Example.org", "a-long-enough-passphrase")
    assert User.objects.get_by_natural_key("CASE@example.ORG") == user
    assert user.email == "case@example.org"


def test_display_name_prefers_the_preferred_name(db):
    user = User.objects.create_user("jo@example.org", "x", first_name="Joanna")
    assert user.display_name == "Joanna"
    user.preferred_name = "Jo"
    assert user.display_name == "Jo"


def test_superuser_can_create_a_user_in_wagtail_admin(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.person@example.org",
            "first_name": "New",
            "last_name": "Person",
            "password1": "a-long-and-unusual-passphrase",
            "password2": "a-long-and-unusual-passphrase",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.filter(email="new.person@example.org").exists()
