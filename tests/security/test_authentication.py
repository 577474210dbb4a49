"""Authentication gaps not covered in tests/members and tests/website (security checklist
AU-2, AU-3, AU-4, AU-6, SE-2). Sign-in routes (AU-1) are in test_sign_in_pathway.py, the MFA
gate (AU-5) in test_mfa_gate.py, session keys (SE-1) in test_accounts_sign_in.py."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.users import PASSWORD


@pytest.fixture(autouse=True)
def clean_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "a long passphrase about my garden " * 2 + "x" * 12,  # 80 characters
        "p" * 64 + "-and-more",
        "correcthorsebatterystaple",  # no composition rules
    ],
)
def test_au2_long_passphrases_are_accepted(password, db):
    validate_password(password, user=UserFactory.build(email="pat@example.org"))


@pytest.mark.parametrize(
    "password",
    [
        "Voices2026!",  # context word and short
        "short1!",  # under 12
        "password1234",  # common
        "coproduction-network",  # context word
        "pat.example.org",  # like the email
    ],
)
def test_au2_weak_or_contextual_passwords_are_refused(password, db):
    with pytest.raises(ValidationError):
        validate_password(password, user=UserFactory.build(email="pat@example.org"))


def login(client, email, password, ip):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=ip
    )


def test_au3_repeated_failures_for_one_email_are_throttled_across_ips(db):
    victim = UserFactory(email="victim@example.org", groups=["Members"])
    client = Client()
    for n in range(8):
        login(client, victim.email, "wrong-password-123", f"10.0.0.{n}")
    response = login(client, "VICTIM@example.org ", PASSWORD, "10.0.1.1")
    assert "_auth_user_id" not in client.session
    # The form comes back with a plain message, so the person knows why and what to do.
    assert response.status_code == 200
    assert b"too many" in response.content.lower()


def test_au3_attacking_other_emails_does_not_lock_out_a_victim(db):
    victim = UserFactory(email="victim@example.org", groups=["Members"])
    attacker = Client()
    for n in range(6):
        login(attacker, f"target{n}@example.org", "wrong-password-123", f"10.9.0.{n}")
    victim_client = Client()
    response = login(victim_client, victim.email, PASSWORD, "10.1.0.1")
    assert response.status_code == 302
    assert victim_client.session["_auth_user_id"] == str(victim.pk)


def test_au3_the_limit_clears_after_the_window(db):
    """The per-email limit is 5 failures in 5 minutes; after that the right password works."""
    victim = UserFactory(email="victim@example.org", groups=["Members"])
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for n in range(8):
            login(Client(), victim.email, "wrong-password-123", f"10.3.0.{n}")
        clock.shift(timedelta(minutes=4))
        client = Client()
        response = login(client, victim.email, PASSWORD, "10.3.1.1")
        assert "_auth_user_id" not in client.session
        assert b"too many" in response.content.lower() or response.status_code == 429

        clock.shift(timedelta(minutes=1, seconds=1))  # 5 min 1 s after the failures
        client = Client()
        response = login(client, victim.email, PASSWORD, "10.3.1.2")
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(victim.pk)


def test_au4_sign_in_failure_looks_the_same_for_known_and_unknown_emails(db):
    UserFactory(email="known@example.org")
    known = login(Client(), "known@example.org", "wrong-password-123", "10.2.0.1")
    unknown = login(Client(), "nobody@example.org", "wrong-password-123", "10.2.0.2")
    assert known.status_code == unknown.status_code == 200
    assert [t.name for t in known.templates][:1] == [t.name for t in unknown.templates][
        :1
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/portal/my-data/download.json",
        "/portal/my-data/download.html",
        "/portal/my-data/delete/",
        "/accounts/2fa/totp/activate/",
    ],
)
def test_au6_sensitive_actions_need_a_recent_sign_in(db, path):
    client = Client()
    client.force_login(
        UserFactory(groups=["Members"])
    )  # no recent authentication record
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_se2_deactivation_ends_existing_sessions(db):
    user = UserFactory(groups=["Members"])
    client = Client()
    client.force_login(user)
    assert client.get("/portal/").status_code == 200
    user.is_active = False
    user.save()
    response = client.get("/portal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_ac7_only_superusers_can_manage_users(db):
    """Anyone who can manage users is fully trusted (Wagtail), so no group may do it."""
    from django.contrib.auth.models import Group

    holders = [
        f"{group.name}: {perm.codename}"
        for group in Group.objects.prefetch_related("permissions")
        for perm in group.permissions.all()
        if perm.codename in ("add_user", "change_user", "delete_user", "add_group")
        or perm.codename == "change_group"
    ]
    assert not holders, holders
