"""The member's profile: plain text with limits, private fields only with consent (DP-2)."""

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.models import Region
from members.models import MemberProfile
from tests.members.accounts.accounts_helpers import make_profile

MARKER = "ZZ-HEALTH-MARKER"


def form_data(**overrides):
    return {
        "preferred_name": "Mo",
        "pronouns": "they/them",
        "region": "",
        "organisation": "",
        "interests": ["coaching", "events"],
        "bio": "I like walking.",
        "phone": "",
        "communication_preferences": ["email"],
        "lived_experience": "",
        "caring_responsibilities": "",
        "access_needs": "",
        **overrides,
    }


def test_member_edits_their_profile(client, member, db):
    region = Region.objects.get(slug="west-midlands")
    client.force_login(member)
    assert client.get("/portal/profile/edit/").status_code == 200
    response = client.post(
        "/portal/profile/edit/", form_data(region=region.pk, phone="0121 496 0000")
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert profile.region == region
    assert profile.interests == ["coaching", "events"]
    assert profile.phone == "0121 496 0000"
    member.refresh_from_db()
    assert member.preferred_name == "Mo"
    page = client.get("/portal/profile/").content.decode()
    assert "West Midlands" in page
    assert "Coaching and mentoring, Events and workshops" in page


def test_private_fields_without_consent_are_refused_and_not_stored(client, member):
    client.force_login(member)
    response = client.post("/portal/profile/edit/", form_data(access_needs=MARKER))
    assert response.status_code == 200
    assert b"Tick the box to let us keep" in response.content
    assert b"There is a problem" in response.content
    assert not MemberProfile.objects.filter(access_needs=MARKER).exists()


def test_private_fields_with_consent_are_stored_with_a_consent_record(client, member):
    client.force_login(member)
    client.post(
        "/portal/profile/edit/",
        form_data(access_needs=MARKER, special_category_consent="on"),
    )
    profile = MemberProfile.objects.get(user=member)
    assert profile.access_needs == MARKER
    assert profile.special_category_consent_at is not None
    assert profile.special_category_consent_version


def test_withdrawing_consent_deletes_the_private_fields_and_is_logged(client, member):
    client.force_login(member)
    client.post(
        "/portal/profile/edit/",
        form_data(
            lived_experience=MARKER,
            caring_responsibilities=MARKER,
            access_needs=MARKER,
            special_category_consent="on",
        ),
    )
    response = client.post("/portal/profile/withdraw-consent/")
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=member)
    assert (
        profile.lived_experience
        == profile.caring_responsibilities
        == profile.access_needs
        == ""
    )
    assert profile.special_category_consent_at is None
    assert ModelLogEntry.objects.filter(
        action="members.special_category_withdrawn", object_id=str(profile.pk)
    ).exists()
    assert client.get("/portal/profile/withdraw-consent/").status_code == 405


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("bio", "x" * 1001, b"at most 1000 characters"),
        ("bio", "x" * 1_000_000, b"at most 1000 characters"),
        ("pronouns", "x" * 41, b"at most 40 characters"),
        ("access_needs", "x" * 2001, b"at most 2000 characters"),
        ("preferred_name", "x" * 101, b"at most 100 characters"),
        ("interests", ["not-an-interest"], b"Select a valid choice"),
        ("region", "999999", b"Select a valid choice"),
    ],
)
def test_bad_profile_input_gets_a_field_message(client, member, field, value, message):
    client.force_login(member)
    response = client.post("/portal/profile/edit/", form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.content
    assert not MemberProfile.objects.filter(user=member, bio__startswith="x").exists()


def test_control_characters_are_stripped_and_html_is_shown_as_text(client, member):
    client.force_login(member)
    client.post(
        "/portal/profile/edit/",
        form_data(bio="<b>bold</b>\x00\x07 \u202eevil 🌻\r\nline two"),
    )
    profile = MemberProfile.objects.get(user=member)
    assert profile.bio == "<b>bold</b> evil 🌻\nline two"
    page = client.get("/portal/profile/").content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<b>bold</b>" not in page


def test_a_member_cannot_set_their_type_or_another_users_profile(
    client, member, member_other
):
    other = make_profile(member_other, bio="theirs")
    client.force_login(member)
    client.post(
        "/portal/profile/edit/",
        form_data(member_type="leader", user=member_other.pk, is_staff="on"),
    )
    mine = MemberProfile.objects.get(user=member)
    assert mine.member_type == "partner"
    other.refresh_from_db()
    assert other.bio == "theirs"
    member.refresh_from_db()
    assert not member.is_staff


def test_another_members_private_information_never_shows_on_my_pages(
    client, member, member_other
):
    make_profile(
        member_other,
        access_needs=MARKER,
        lived_experience=MARKER,
        special_category_consent_at=timezone.now(),
    )
    client.force_login(member)
    for path in [
        "/portal/",
        "/portal/profile/",
        "/portal/profile/edit/",
        "/portal/my-data/",
    ]:
        assert MARKER.encode() not in client.get(path).content


def test_staff_without_the_permission_do_not_see_private_fields(
    client, staff, member_other
):
    profile = make_profile(
        member_other, access_needs=MARKER, special_category_consent_at=timezone.now()
    )
    client.force_login(staff)
    page = client.get(f"/admin/members-accounts/members/{profile.pk}/")
    assert page.status_code == 200
    assert MARKER.encode() not in page.content
    assert b"You do not have permission" in page.content
    listing = client.get("/admin/members/memberprofile/")
    assert listing.status_code == 200
    assert MARKER.encode() not in listing.content
    export = client.get("/admin/members/memberprofile/?export=csv")
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    body = b"".join(export.streaming_content) if export.streaming else export.content
    assert member_other.email.encode() in body
    assert MARKER.encode() not in body
    assert not ModelLogEntry.objects.filter(
        action="members.special_category_viewed"
    ).exists()


def test_staff_with_the_permission_see_private_fields_and_each_view_is_logged(
    client, staff, member_other
):
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="view_special_category"))
    profile = make_profile(
        member_other, access_needs=MARKER, special_category_consent_at=timezone.now()
    )
    client.force_login(staff)
    page = client.get(f"/admin/members-accounts/members/{profile.pk}/")
    assert MARKER.encode() in page.content
    entry = ModelLogEntry.objects.get(action="members.special_category_viewed")
    assert entry.user_id == staff.pk
    assert entry.object_id == str(profile.pk)


def test_members_cannot_open_the_staff_member_views(client, member, member_other):
    profile = make_profile(member_other, access_needs=MARKER)
    client.force_login(member)
    response = client.get(f"/admin/members-accounts/members/{profile.pk}/")
    assert response.status_code in (302, 403)
    assert MARKER.encode() not in response.content
