"""What the network page tells a visitor about joining, before and after signing in.

A visitor must read the same truth either side of the sign-in page: no "Sign in to join"
for a network nobody can join by signing in.
"""

import pytest


def set_join_mode(network, mode):
    network.join_mode = mode
    network.save_revision().publish()


def page_text(client, network):
    return client.get(network.url).content.decode()


@pytest.mark.parametrize(
    ("mode", "says", "never"),
    [
        ("open", "Sign in</a> to join", "ask to join"),
        ("request", "Sign in</a> to ask to join", "Sign in</a> to join."),
        ("invitation", "Membership is by invitation", "Sign in</a> to"),
    ],
)
def test_anonymous_visitor_reads_what_is_true_for_the_join_mode(
    client, network, mode, says, never
):
    set_join_mode(network, mode)
    text = page_text(client, network)
    assert says in text
    assert never not in text


def test_invitation_only_offers_the_cochairs_when_there_are_some(
    client, network, cochair
):
    set_join_mode(network, "invitation")
    text = page_text(client, network)
    assert "Contact the co-chairs" in text
    assert f"/enquire/?network={network.pk}" in text


def test_invitation_only_without_cochairs_points_to_the_programme_team(
    client, network, past_cochair
):
    set_join_mode(network, "invitation")
    text = page_text(client, network)
    assert "Membership is by invitation" in text
    assert "Contact the co-chairs" not in text
    assert "programme team" in text


def test_signed_in_member_reads_the_same_about_an_invitation_only_network(
    client, network, cochair, member
):
    set_join_mode(network, "invitation")
    client.force_login(member)
    text = page_text(client, network)
    assert "Membership is by invitation" in text
    assert "Contact the co-chairs" in text


def test_a_network_being_set_up_is_not_called_invitation_only(client, network, member):
    network.status = "setting_up"
    network.save_revision().publish()
    client.force_login(member)
    text = page_text(client, network)
    assert "Membership is by invitation" not in text
    assert "not taking members yet" in text
