"""Joining a network in each join mode, deciding requests, leaving, and what members share."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from networks.models import JoinRequest, NetworkMembership
from networks.models.membership import JoinRequestStatus
from tests.factories.networks import JoinRequestFactory


def join_url(network):
    return reverse("networks:join", kwargs={"slug": network.slug})


def set_join_mode(network, mode):
    network.join_mode = mode
    network.save_revision().publish()


def test_open_network_joins_at_once(client, network, member):
    set_join_mode(network, "open")
    client.force_login(member)
    response = client.post(join_url(network))
    assert response.status_code == 302
    assert NetworkMembership.objects.filter(network=network, user=member).exists()
    page = client.get(network.url).content.decode()
    assert "You are a member of this network." in page


def test_request_network_notifies_cochairs_once_for_a_double_request(
    client, network, cochair, member, mailoutbox
):
    set_join_mode(network, "request")
    client.force_login(member)
    client.post(join_url(network), {"message": "I care for my mum."})
    client.post(join_url(network), {"message": "Again"})
    assert JoinRequest.objects.filter(network=network, user=member).count() == 1
    assert not NetworkMembership.objects.filter(user=member).exists()
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[cochair.email]]
    assert "asked to join" in mailoutbox[0].body
    assert member.email not in mailoutbox[0].body
    assert "will reply by email" in client.get(network.url).content.decode()


def test_invitation_only_network_refuses_requests(client, network, member):
    set_join_mode(network, "invitation")
    client.force_login(member)
    assert client.post(join_url(network)).status_code == 404
    assert not JoinRequest.objects.exists()
    assert "by invitation" in client.get(network.url).content.decode()


def test_anonymous_visitor_is_asked_to_sign_in(client, network):
    set_join_mode(network, "open")
    assert client.post(join_url(network))["Location"].startswith("/accounts/login/")
    assert "Sign in</a> to join" in client.get(network.url).content.decode()


def test_join_note_is_bounded(client, network, member):
    client.force_login(member)
    response = client.post(join_url(network), {"message": "x" * 1001})
    assert response.status_code == 200
    assert "1,000 characters or fewer" in response.content.decode()
    assert not JoinRequest.objects.exists()


@pytest.mark.parametrize("approve", [True, False])
def test_cochair_decides_and_member_is_emailed(
    client, network, cochair, member, mailoutbox, approve
):
    join_request = JoinRequestFactory(network=network, user=member)
    client.force_login(cochair)
    url = reverse(
        "networks:join_request_decide",
        kwargs={"slug": network.slug, "pk": join_request.pk},
    )
    client.post(url, {"decision": "approve" if approve else "decline"})
    join_request.refresh_from_db()
    assert join_request.status == ("approved" if approve else "declined")
    assert join_request.decided_by == cochair
    assert NetworkMembership.objects.filter(user=member).exists() is approve
    call_command("run_outbox_worker", once=True)
    assert mailoutbox[-1].to == [member.email]
    # Deciding twice changes nothing.
    client.post(url, {"decision": "decline" if approve else "approve"})
    join_request.refresh_from_db()
    assert join_request.status == ("approved" if approve else "declined")


def test_member_leaves(client, network, network_member):
    client.force_login(network_member)
    client.post(
        reverse("networks:leave", kwargs={"slug": network.slug}), {"confirm": "yes"}
    )
    assert not NetworkMembership.objects.filter(user=network_member).exists()


def test_members_choose_what_is_shared_and_special_category_data_never_shows(
    client, network, cochair, network_member
):
    """DP-3: only name, and region and bio if allowed, ever reach the co-chairs."""
    from home.models import Region

    profile = network_member.profile if hasattr(network_member, "profile") else None
    if profile is None:
        from members.models import MemberProfile

        profile = MemberProfile.objects.create(user=network_member)
    profile.region = Region.objects.get(slug="west-midlands")
    from members.accounts.profiles import SPECIAL_CATEGORY_FIELDS

    for name in SPECIAL_CATEGORY_FIELDS:
        setattr(profile, name, "ZZ-HEALTH-MARKER")
    profile.bio = "ZZ-PROFILE-BIO"  # the portal bio is not the network bio
    profile.save()
    membership = NetworkMembership.objects.get(user=network_member)
    membership.short_bio = "ZZ-BIO-MARKER"
    membership.save()
    client.force_login(cochair)
    workspace = reverse("networks:workspace", kwargs={"slug": network.slug})
    members = reverse("networks:members", kwargs={"slug": network.slug})
    for url in (workspace, members):
        html = client.get(url).content.decode()
        assert network_member.display_name in html
        assert "ZZ-BIO-MARKER" not in html  # name only by default
        assert "ZZ-HEALTH-MARKER" not in html
        assert network_member.email not in html

    client.force_login(network_member)
    settings_url = reverse(
        "networks:membership_settings", kwargs={"slug": network.slug}
    )
    bad = client.post(
        settings_url,
        {
            "visibility": "name_region_bio",
            "short_bio": "x" * 281,
            "update_emails": "weekly",
        },
    )
    assert "280 characters or fewer" in bad.content.decode()
    client.post(
        settings_url,
        {
            "visibility": "name_region_bio",
            "short_bio": "ZZ-BIO-MARKER",
            "update_emails": "weekly",
            "user": cochair.pk,
            "network": 999,
        },
    )
    membership.refresh_from_db()
    assert membership.user == network_member and membership.network_id == network.pk

    client.force_login(cochair)
    for url in (workspace, members):
        html = client.get(url).content.decode()
        assert "ZZ-BIO-MARKER" in html and "West Midlands" in html
        assert "ZZ-HEALTH-MARKER" not in html and "ZZ-PROFILE-BIO" not in html


def test_staff_invitation_to_a_network_adds_the_member(network, member):
    from networks.wagtail_hooks import join_invited_network

    class Invitation:
        network_slug = "west-midlands"

    join_invited_network(Invitation(), member)
    assert NetworkMembership.objects.filter(network=network, user=member).exists()


def test_pending_requests_are_unique_even_past_the_service(network, member):
    from django.db import IntegrityError, transaction

    JoinRequestFactory(network=network, user=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        JoinRequestFactory(network=network, user=member)
    JoinRequest.objects.update(status=JoinRequestStatus.DECLINED)
    JoinRequestFactory(network=network, user=member)  # a new request later is fine
