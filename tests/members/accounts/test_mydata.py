"""My data: a complete export behind re-authentication, and erasure across the stores."""

import json
import uuid

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import models
from django.utils import timezone
from wagtail import hooks

from members.accounts import joining
from members.accounts import services as services
from members.models import Application, Invitation, MemberProfile, User
from tests.members.accounts.accounts_helpers import (
    deliver_mail,
    fresh_login,
    make_profile,
)
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK, ExportSection


def download(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def marked_member(member):
    marker = f"ZZ-ERASE-{uuid.uuid4().hex[:8]}"
    member.first_name = marker
    member.last_name = marker
    member.preferred_name = marker
    member.email = f"{marker.lower()}@example.org"
    member.save()
    make_profile(
        member,
        bio=marker,
        pronouns=marker[:40],
        organisation=marker,
        phone=marker[:30],
        lived_experience=marker,
        caring_responsibilities=marker,
        access_needs=marker,
        special_category_consent_at=timezone.now(),
        privacy_notice_accepted_at=timezone.now(),
        privacy_notice_version="2026-01",
    )
    Application.objects.create(
        name=marker,
        email=member.email,
        reason=marker,
        organisation=marker,
        privacy_notice_version="2026-01",
    )
    invitation = joining.invite_member(member.email, "partner")
    invitation.accepted_at = timezone.now()
    invitation.save()
    Authenticator.objects.create(
        user=member, type=Authenticator.Type.TOTP, data={"secret": "SECRETSEED"}
    )
    member.marker = marker
    return member


def test_export_needs_a_recent_sign_in(client, member):
    client.force_login(member)
    for path in [
        "/portal/my-data/download.json",
        "/portal/my-data/download.html",
        "/portal/my-data/delete/",
    ]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/reauthenticate/")


def test_json_export_holds_everything_about_me_and_no_secrets(client, marked_member):
    fresh_login(client, marked_member)
    response = client.get("/portal/my-data/download.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(download(response))
    assert set(data) >= {
        "account",
        "profile",
        "consent",
        "joining",
        "two_step_verification",
    }
    marker = marked_member.marker
    assert data["account"][0]["email"] == marked_member.email
    assert data["profile"][0]["access_needs"] == marker
    assert data["profile"][0]["lived_experience"] == marker
    assert data["consent"][0]["privacy_notice_version"] == "2026-01"
    assert data["two_step_verification"][0]["method"] == "totp"
    assert {row["kind"] for row in data["joining"]} == {"invitation", "application"}
    text = json.dumps(data)
    assert "SECRETSEED" not in text
    assert "token" not in text and "password" not in text


def test_html_export_is_readable_and_escapes_text(client, member):
    make_profile(member, bio="<script>alert(1)</script>")
    fresh_login(client, member)
    page = client.get("/portal/my-data/download.html")
    assert page.status_code == 200
    assert b"Everything we hold about you" in page.content
    assert b"&lt;script&gt;" in page.content
    assert b"<script>alert(1)" not in page.content


def test_other_apps_add_sections_through_the_hook(client, member):
    def extra(user):
        return ExportSection(
            key="test_things", title="Test things", records=[{"n": user.pk}], order=99
        )

    fresh_login(client, member)
    with hooks.register_temporarily(MEMBER_DATA_EXPORT_HOOK, extra):
        data = json.loads(download(client.get("/portal/my-data/download.json")))
    assert data["test_things"] == [{"n": member.pk}]


def test_export_of_hundreds_of_records_streams(client, member):
    def many(user):
        return ExportSection(
            key="many", title="Many", records=({"i": i} for i in range(500))
        )

    fresh_login(client, member)
    with hooks.register_temporarily(MEMBER_DATA_EXPORT_HOOK, many):
        data = json.loads(download(client.get("/portal/my-data/download.json")))
    assert len(data["many"]) == 500


def marker_hits(marker):
    """Every text-like field of every model that still contains the marker."""
    hits = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.get_fields():
            if isinstance(
                field, models.CharField | models.TextField | models.JSONField
            ):
                if getattr(field, "primary_key", False):
                    continue
                lookup = f"{field.name}__icontains"
                try:
                    if model._default_manager.filter(**{lookup: marker}).exists():
                        hits.append(f"{model._meta.label}.{field.name}")
                except Exception:  # noqa: S112,BLE001 - some backends cannot search JSON
                    continue
    return hits


def test_deleting_my_account_erases_personal_data_everywhere(
    client, marked_member, staff, mailoutbox
):
    erased = []
    marker = marked_member.marker
    fresh_login(client, marked_member)
    deliver_mail(mailoutbox)
    assert marker_hits(marker), "the fixture should have planted the marker"
    with hooks.register_temporarily(ERASE_HOOK, lambda user: erased.append(user.email)):
        page = client.get("/portal/my-data/delete/")
        assert b"This cannot be undone" in page.content
        refused = client.post("/portal/my-data/delete/", {})
        assert b"Tick the box to confirm" in refused.content
        response = client.post("/portal/my-data/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert erased == [f"{marker.lower()}@example.org"]
    assert marker_hits(marker) == []
    assert marker_hits(marker.lower()) == []
    user = User.objects.get(pk=marked_member.pk)
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.display_name == "Former member"
    assert not MemberProfile.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert Invitation.objects.count() == 1
    assert "_auth_user_id" not in client.session
    assert client.get("/portal/").status_code == 302
    # The notice is queued in the outbox (read there, so a busy worker cannot hide it).
    from post_office.models import Email

    notice = Email.objects.get(subject="A member deleted their Voices account")
    assert notice.to == ["staff@example.org"]
    assert marker not in notice.message


def test_other_sessions_end_when_the_account_is_deleted(client, member):
    from django.test import Client

    other = Client()
    other.force_login(member)
    assert other.get("/portal/").status_code == 200
    fresh_login(client, member)
    client.post("/portal/my-data/delete/", {"confirm": "on"})
    assert other.get("/portal/").status_code == 302


def test_get_does_not_delete(client, member):
    fresh_login(client, member)
    client.get("/portal/my-data/delete/?confirm=on")
    assert User.objects.get(pk=member.pk).is_active


def test_a_sign_in_older_than_five_minutes_must_be_confirmed_again(client, member):
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    fresh_login(client, member)
    session = client.session
    records = session[AUTHENTICATION_METHODS_SESSION_KEY]
    for record in records:
        record["at"] -= 301
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()
    for path in ["/portal/my-data/download.json", "/portal/my-data/delete/"]:
        response = client.get(path)
        assert response["Location"].startswith("/accounts/reauthenticate/")
    assert User.objects.get(pk=member.pk).is_active
