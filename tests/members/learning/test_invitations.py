"""Inviting leaders and joining: one email each (with an account link for someone new),
never twice, never past the set's places, only by the invited address, not after expiry."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from members.learning import invitations, services
from members.learning.models import SetInvitation, SetLeader
from members.models import User
from tests.members.accounts.accounts_helpers import deliver_mail, link_in, path_of
from tests.members.learning.conftest import make_leader

PASSWORD = "teapot river yellow ladder"


def invite(client, learning_set, text):
    return client.post(
        reverse("learning_admin:invite", args=[learning_set.pk]), {"people": text}
    )


def test_staff_invite_leaders_each_told_once(client, staff, learning_set, mailoutbox):
    make_leader("known@example.org")
    client.force_login(staff)
    response = invite(
        client,
        learning_set,
        "known@example.org, Kim Known, Riverside Trust\nnew.leader@example.org, Nia New",
    )
    assert response.status_code == 302
    sent = {message.to[0]: message for message in deliver_mail(mailoutbox)}
    assert set(sent) == {"known@example.org", "new.leader@example.org"}
    assert "Power in commissioning" in sent["known@example.org"].subject
    # Someone with an account is sent to their invitation; someone new sets up an account.
    assert "/portal/learning/invitations/" in sent["known@example.org"].body
    assert "/invitations/" in link_in(sent["new.leader@example.org"])
    assert "/portal/learning/" not in sent["new.leader@example.org"].body
    assert SetInvitation.objects.get(email="known@example.org").organisation == (
        "Riverside Trust"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter at least one email address"),
        ("not-an-address", "is not an email address"),
        ("<script>@x</script>", "is not an email address"),
        ("a@example.org\na@example.org", "listed twice"),
        ("\n".join(f"p{n}@example.org" for n in range(6)), "5 are still free"),
        ("x" * 30_000, "at most 20000 characters"),
    ],
)
def test_nonsense_and_too_many_are_refused_inviting_nobody(
    client, staff, learning_set, mailoutbox, text, message
):
    client.force_login(staff)
    response = invite(client, learning_set, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SetInvitation.objects.exists()
    assert not deliver_mail(mailoutbox)


def test_inviting_someone_twice_is_refused(client, staff, learning_set):
    invitations.invite(learning_set, [("a@example.org", "", "")], by=staff)
    client.force_login(staff)
    response = invite(client, learning_set, "a@example.org\nb@example.org")
    assert "Already invited to this set: a@example.org" in response.content.decode()
    assert SetInvitation.objects.count() == 1


def join(client, invitation, **data):
    return client.post(
        reverse("members:learning_join", args=[invitation.pk]),
        {"organisation": "Riverside Trust", "confidence": "2", **data},
    )


def test_a_new_leader_sets_up_an_account_then_joins(
    client, staff, learning_set, mailoutbox
):
    invitations.invite(learning_set, [("nia@example.org", "Nia", "")], by=staff)
    link = path_of(link_in(deliver_mail(mailoutbox)[-1]))
    client.post(
        link,
        {
            "preferred_name": "Nia",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_privacy": "on",
        },
    )
    nia = User.objects.get(email="nia@example.org")
    assert nia.profile.member_type == "leader"
    assert not nia.has_perm("wagtailadmin.access_admin")
    dashboard = client.get("/portal/").content.decode()
    assert (
        "You are invited to join the learning set Power in commissioning" in dashboard
    )
    invitation = SetInvitation.objects.get()
    page = client.get(reverse("members:learning_join", args=[invitation.pk]))
    assert "How confident are you in sharing power" in page.content.decode()
    response = join(client, invitation, share_with_set="on")
    assert response["Location"] == reverse(
        "members:learning_set", args=[learning_set.pk]
    )
    place = SetLeader.objects.get(leader=nia)
    assert (place.confidence_before, place.share_with_set) == (2, True)
    assert "invited to join" not in client.get("/portal/").content.decode()


def test_joining_answers_nonsense(client, staff, learning_set):
    leader = make_leader("lee@example.org")
    invitation = invitations.invite(learning_set, [(leader.email, "", "")], by=staff)[0]
    client.force_login(leader)
    for data, message in [
        ({"confidence": ""}, "Choose a number from 1 to 5"),
        ({"confidence": "9"}, "Select a valid choice"),
        ({"organisation": "x" * 500}, "at most 200 characters"),
    ]:
        response = join(client, invitation, **data)
        assert response.status_code == 400
        assert message in response.content.decode()
    assert not SetLeader.objects.exists()


def test_only_the_invited_address_may_join_and_only_before_expiry(
    client, staff, learning_set
):
    leader = make_leader("lee@example.org")
    other = make_leader("someone.else@example.org")
    invitation = invitations.invite(learning_set, [(leader.email, "", "")], by=staff)[0]
    client.force_login(other)
    assert join(client, invitation).status_code == 404
    SetInvitation.objects.update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.force_login(leader)
    assert join(client, invitation).status_code == 404
    with pytest.raises(services.LearningError, match="expired"):
        invitations.accept(
            invitation, leader, organisation="", share_with_set=False, confidence=3
        )
    assert not SetLeader.objects.exists()


@pytest.mark.parametrize("places", [5, 8])
def test_no_leader_joins_beyond_the_sets_places(staff, learning_set, places):
    """A sixth leader in a five-place set, a ninth in an eight-place one."""
    type(learning_set).objects.filter(pk=learning_set.pk).update(places=places)
    learning_set.refresh_from_db()
    for n in range(places):
        SetLeader.objects.create(
            learning_set=learning_set, leader=make_leader(f"in{n}@example.org")
        )
    late = make_leader("late@example.org")
    invitation = SetInvitation.objects.create(
        learning_set=learning_set,
        email=late.email,
        expires_at=timezone.now() + datetime.timedelta(days=3),
    )
    with pytest.raises(
        services.LearningError, match="Every place in this set is taken"
    ):
        invitations.accept(
            invitation, late, organisation="", share_with_set=False, confidence=3
        )
    with pytest.raises(services.LearningError, match="0 are still free"):
        invitations.invite(learning_set, [("more@example.org", "", "")], by=staff)
    assert learning_set.leaders.count() == places


def test_a_leader_who_joins_gets_a_place_on_sessions_to_come(staff, learning_set):
    now = timezone.now()
    held = services.add_session(
        learning_set,
        by=staff,
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=3, hours=-2),
        tell=False,
    )
    coming = services.add_session(
        learning_set,
        by=staff,
        starts_at=now + datetime.timedelta(days=3),
        ends_at=now + datetime.timedelta(days=3, hours=2),
        tell=False,
    )
    leader = make_leader("lee@example.org")
    invitation = invitations.invite(learning_set, [(leader.email, "", "")], by=staff)[0]
    invitations.accept(
        invitation, leader, organisation="", share_with_set=False, confidence=1
    )
    assert coming.event.bookings.filter(user=leader).exists()
    assert not held.event.bookings.filter(user=leader).exists()


def test_parse_reads_one_person_a_line():
    rows, problems = invitations.parse(
        "A@Example.org, Ann Lee, Trust, North\n\n  \nbad line\nb@example.org"
    )
    assert rows == [
        ("a@example.org", "Ann Lee", "Trust, North"),
        ("b@example.org", "", ""),
    ]
    assert problems and re.search(r"Line 4: .*bad line", problems[0])
