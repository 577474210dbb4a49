"""Crafted extra fields sent to every network form and the profile form are ignored
(security checklist AC-7).

Each form a member or co-chair can send is posted with its real fields plus fields an
attacker might add: staff and superuser flags, groups, another network, another user as
author or owner, an "approved" or "published" status, co-chair and member-type flags. The
records keep the network, owner and status the view chose, and nobody gains a role.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from members.events.models import (
    BookingStatus,
    EventAudience,
    EventBooking,
    EventKind,
    EventStatus,
)
from members.models import Enquiry, MemberProfile
from networks.models import (
    CoChairUpdate,
    JoinRequest,
    NetworkCoChair,
    NetworkMembership,
)
from networks.models.enquiries import NetworkEnquiryNote
from networks.models.membership import JoinRequestStatus
from networks.models.pages import JoinMode
from networks.models.updates import UpdateStatus
from networks.services.meetings import network_events
from tests.factories import UserFactory
from tests.factories.networks import (
    CoChairFactory,
    JoinRequestFactory,
    MeetingFactory,
    MembershipFactory,
    UpdateFactory,
    make_network,
)
from tests.factories.pairings import make_enquiry


class Scene:
    """A moderated, by-request network with a co-chair, members and one of every record,
    and a second network the crafted fields point at."""

    def __init__(self, home_page):
        self.network = make_network(
            home_page,
            "west-midlands",
            moderate_updates=True,
            join_mode=JoinMode.REQUEST,
        )
        self.elsewhere = make_network(home_page, "north-west")
        self.cochair = UserFactory(email="cochair@example.org", groups=["Members"])
        CoChairFactory(network=self.network, user=self.cochair)
        self.member = UserFactory(email="member@example.org", groups=["Members"])
        self.membership = MembershipFactory(network=self.network, user=self.member)
        self.bystander = UserFactory(email="bystander@example.org", groups=["Members"])
        MembershipFactory(network=self.network, user=self.bystander)
        self.outsider = UserFactory(email="outsider@example.org", groups=["Members"])
        self.update = UpdateFactory(
            network=self.network,
            author=self.cochair,
            status=UpdateStatus.DRAFT,
            published_at=None,
        )
        self.join_request = JoinRequestFactory(network=self.network)
        self.meeting = MeetingFactory(network=self.network, capacity=1)
        EventBooking.objects.create(
            event=self.meeting,
            user=self.bystander,
            status=BookingStatus.CONFIRMED,
        )
        self.enquiry = make_enquiry()
        Enquiry.objects.filter(pk=self.enquiry.pk).update(
            network_page_id=self.network.pk
        )
        self.staff_group = Group.objects.get(name="Programme staff")

    def crafted(self):
        """The fields nobody outside the admin may set, aimed at the second network and at
        someone else."""
        other = self.bystander.pk
        return {
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [self.staff_group.pk],
            "user_permissions": ["1"],
            "network": self.elsewhere.pk,
            "network_id": self.elsewhere.pk,
            "network_page": self.elsewhere.pk,
            "author": other,
            "author_id": other,
            "user": other,
            "user_id": other,
            "created_by": other,
            "decided_by": other,
            "edited_by": other,
            "assignee": other,
            "status": "approved",
            "cochair": "on",
            "is_cochair": "on",
            "role": "cochair",
            "member_type": "leader",
            "email": "attacker@example.org",
            "published_at": "2001-01-01T00:00",
            "joined_at": "2001-01-01T00:00",
            "term_end": "2099-12-31",
            "id": "999999",
            "pk": "999999",
        }

    def url(self, name, **kwargs):
        from django.urls import reverse

        return reverse(f"networks:{name}", kwargs={"slug": self.network.slug, **kwargs})


@pytest.fixture
def scene(home_page):
    return Scene(home_page)


def post_as(user, url, data, expect=302):
    """Post as `user`; by default the post is valid apart from smuggled fields, so the form
    takes it and moves on (302); a refused choice shows the form again (200)."""
    client = Client()
    client.force_login(user)
    response = client.post(url, data)
    assert response.status_code == expect, (url, response.status_code)
    return response


def assert_gained_nothing(*users):
    for user in users:
        fresh = type(user).objects.get(pk=user.pk)
        assert not fresh.is_staff
        assert not fresh.is_superuser
        assert fresh.email == user.email
        assert list(fresh.groups.values_list("name", flat=True)) == ["Members"]
        assert not fresh.user_permissions.exists()


def update_data(scene, **extra):
    return {
        **scene.crafted(),
        "title": "News from the network",
        "body": "We met in March.",
        "visibility": "public",
        "publish": "1",
        **extra,
    }


def test_ac7_crafted_fields_on_a_new_update_are_ignored(scene):
    post_as(scene.cochair, scene.url("update_create"), update_data(scene))
    update = CoChairUpdate.objects.get(title="News from the network")
    assert update.network_id == scene.network.pk
    assert update.author_id == scene.cochair.pk
    # The network moderates updates: "publish" plus status=approved still waits for staff.
    assert update.status == UpdateStatus.AWAITING_MODERATION
    assert update.published_at is None
    assert not CoChairUpdate.objects.filter(network_id=scene.elsewhere.pk).exists()
    assert_gained_nothing(scene.cochair, scene.bystander)


def test_ac7_crafted_fields_on_an_update_edit_are_ignored(scene):
    post_as(
        scene.cochair,
        scene.url("update_edit", pk=scene.update.pk),
        update_data(scene, status="published"),
    )
    scene.update.refresh_from_db()
    assert scene.update.title == "News from the network"
    assert scene.update.network_id == scene.network.pk
    assert scene.update.author_id == scene.cochair.pk
    assert scene.update.status == UpdateStatus.AWAITING_MODERATION
    assert scene.update.published_at is None
    assert not CoChairUpdate.objects.filter(pk=999999).exists()
    assert_gained_nothing(scene.cochair)


def test_ac7_crafted_fields_on_withdrawing_an_update_are_ignored(scene):
    post_as(
        scene.cochair,
        scene.url("update_withdraw", pk=scene.update.pk),
        scene.crafted(),
    )
    scene.update.refresh_from_db()
    assert scene.update.status == UpdateStatus.WITHDRAWN
    assert scene.update.network_id == scene.network.pk
    assert scene.update.author_id == scene.cochair.pk
    assert_gained_nothing(scene.cochair)


def test_ac7_crafted_fields_on_a_join_decision_are_ignored(scene):
    post_as(
        scene.cochair,
        scene.url("join_request_decide", pk=scene.join_request.pk),
        {**scene.crafted(), "decision": "approve"},
    )
    scene.join_request.refresh_from_db()
    assert scene.join_request.status == JoinRequestStatus.APPROVED
    assert scene.join_request.decided_by_id == scene.cochair.pk
    assert scene.join_request.user_id != scene.bystander.pk
    # Only the person who asked joins, and only this network.
    assert NetworkMembership.objects.filter(
        network_id=scene.network.pk, user_id=scene.join_request.user_id
    ).exists()
    assert not NetworkMembership.objects.filter(network_id=scene.elsewhere.pk).exists()
    assert not NetworkCoChair.objects.filter(
        user_id=scene.join_request.user_id
    ).exists()
    assert_gained_nothing(scene.cochair, scene.join_request.user)


def test_ac7_crafted_fields_on_a_new_meeting_are_ignored(scene):
    starts = timezone.localtime() + timedelta(days=20)
    post_as(
        scene.cochair,
        scene.url("meeting_create"),
        {
            **scene.crafted(),
            "title": "Spring meeting",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "format": "online",
            "venue_name": "Online",
            "joining_details": "A link by email.",
            "access_notes": "Captions on.",
            "capacity": "20",
            # A meeting is an event now: who may book it and what it is are the view's.
            "audience": "public",
            "kind": "webinar",
            "slug": "crafted-slug",
        },
    )
    meeting = network_events(scene.network).get(title="Spring meeting")
    assert meeting.network_link.network_id == scene.network.pk
    assert meeting.network_link.added_by_id == scene.cochair.pk
    assert meeting.pk != 999999
    assert meeting.status == EventStatus.SCHEDULED
    assert meeting.audience == EventAudience.NETWORK
    assert meeting.kind == EventKind.NETWORK_MEETING
    assert meeting.slug != "crafted-slug"
    assert_gained_nothing(scene.cochair)


def test_ac7_crafted_fields_on_an_enquiry_update_are_ignored(scene):
    assignee = scene.enquiry.assignee_id
    post_as(
        scene.cochair,
        scene.url("enquiry_detail", pk=scene.enquiry.pk),
        {**scene.crafted(), "status": "in_progress", "note": "I will phone them."},
    )
    enquiry = Enquiry.objects.get(pk=scene.enquiry.pk)
    assert enquiry.status == "in_progress"
    assert enquiry.network_page_id == scene.network.pk
    assert enquiry.assignee_id == assignee
    note = NetworkEnquiryNote.objects.get(enquiry_id=enquiry.pk)
    assert note.author_id == scene.cochair.pk
    assert note.network_id == scene.network.pk
    assert_gained_nothing(scene.cochair)


def test_ac7_a_cochair_cannot_mark_an_enquiry_as_spam(scene):
    """Marking spam stays with staff: the choice is not offered and a crafted one fails."""
    post_as(
        scene.cochair,
        scene.url("enquiry_detail", pk=scene.enquiry.pk),
        {"status": "spam", "note": ""},
        expect=200,
    )
    assert Enquiry.objects.get(pk=scene.enquiry.pk).status != "spam"


def test_ac7_crafted_fields_on_a_join_request_are_ignored(scene):
    post_as(
        scene.outsider,
        scene.url("join"),
        {**scene.crafted(), "message": "I would like to help."},
    )
    request = JoinRequest.objects.get(user=scene.outsider)
    assert request.network_id == scene.network.pk
    assert request.status == JoinRequestStatus.PENDING
    assert request.decided_by_id is None
    assert not NetworkMembership.objects.filter(user=scene.outsider).exists()
    assert not JoinRequest.objects.filter(user=scene.bystander).exists()
    assert not NetworkCoChair.objects.filter(user=scene.outsider).exists()
    assert_gained_nothing(scene.outsider)


def test_ac7_crafted_fields_on_membership_settings_are_ignored(scene):
    joined_at = scene.membership.joined_at
    post_as(
        scene.member,
        scene.url("membership_settings"),
        {
            **scene.crafted(),
            "visibility": "name_region_bio",
            "short_bio": "Carer and walker.",
            "update_emails": "weekly",
        },
    )
    scene.membership.refresh_from_db()
    assert scene.membership.short_bio == "Carer and walker."
    assert scene.membership.network_id == scene.network.pk
    assert scene.membership.user_id == scene.member.pk
    assert scene.membership.joined_at == joined_at
    assert not NetworkMembership.objects.filter(network_id=scene.elsewhere.pk).exists()
    assert not NetworkCoChair.objects.filter(user=scene.member).exists()
    assert_gained_nothing(scene.member)


def test_ac7_crafted_fields_on_leaving_are_ignored(scene):
    post_as(scene.member, scene.url("leave"), {**scene.crafted(), "confirm": "yes"})
    assert not NetworkMembership.objects.filter(user=scene.member).exists()
    # Someone else named in the crafted fields keeps their membership and their place.
    assert NetworkMembership.objects.filter(
        user=scene.bystander, network_id=scene.network.pk
    ).exists()
    assert_gained_nothing(scene.member)


def test_ac7_crafted_fields_on_a_meeting_registration_are_ignored(scene):
    """The only place is taken: status=confirmed does not jump the waiting list."""
    post_as(
        scene.member,
        scene.url("meeting_register", pk=scene.meeting.pk),
        {**scene.crafted(), "status": "confirmed"},
    )
    registration = EventBooking.objects.get(event=scene.meeting, user=scene.member)
    assert registration.status == BookingStatus.WAITING
    bystander = EventBooking.objects.get(event=scene.meeting, user=scene.bystander)
    assert bystander.status == BookingStatus.CONFIRMED
    assert_gained_nothing(scene.member)


def test_ac7_crafted_fields_on_cancelling_a_place_are_ignored(scene):
    post_as(
        scene.member,
        scene.url("meeting_cancel", pk=scene.meeting.pk),
        scene.crafted(),
    )
    bystander = EventBooking.objects.get(event=scene.meeting, user=scene.bystander)
    assert bystander.status == BookingStatus.CONFIRMED


def test_ac7_crafted_fields_on_the_profile_form_are_ignored(scene):
    other = MemberProfile.objects.create(user=scene.bystander, bio="theirs")
    post_as(
        scene.member,
        "/portal/profile/edit/",
        {
            **scene.crafted(),
            "user": other.user_id,
            "preferred_name": "Mo",
            "pronouns": "they/them",
            "bio": "I like walking.",
            "interests": ["events"],
            "communication_preferences": ["email"],
            "special_category_consent_at": "2001-01-01T00:00",
            "privacy_notice_version": "forged",
        },
    )
    mine = MemberProfile.objects.get(user=scene.member)
    assert mine.bio == "I like walking."
    assert mine.member_type != "leader"
    assert mine.special_category_consent_at is None
    assert mine.privacy_notice_version != "forged"
    other.refresh_from_db()
    assert other.bio == "theirs"
    assert other.user_id == scene.bystander.pk
    assert_gained_nothing(scene.member, scene.bystander)
