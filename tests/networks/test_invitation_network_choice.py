"""Staff inviting someone can choose a live network; accepting the invitation joins it."""

from members.models import Invitation


def test_invite_form_offers_live_networks(client, staff, network, other_network):
    client.force_login(staff)
    html = client.get("/admin/members-accounts/invite/").content.decode()
    assert 'value="west-midlands"' in html
    assert 'value="north-west"' in html


def test_invitation_remembers_the_chosen_network(client, staff, network):
    client.force_login(staff)
    response = client.post(
        "/admin/members-accounts/invite/",
        {
            "emails": "new.person@example.org",
            "member_type": "partner",
            "network_slug": "west-midlands",
        },
    )
    assert response.status_code == 302
    assert Invitation.objects.get().network_slug == "west-midlands"


def test_invite_form_refuses_a_network_that_does_not_exist(client, staff, network):
    client.force_login(staff)
    response = client.post(
        "/admin/members-accounts/invite/",
        {
            "emails": "new.person@example.org",
            "member_type": "partner",
            "network_slug": "atlantis",
        },
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()
