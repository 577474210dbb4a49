"""Co-chair updates on the shared core: one workflow for every status change (with its
refusals and history lines), emails as notify events, and what waits on people in
"Things to do"."""

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from networks import todos
from networks.models.updates import UpdateStatus
from networks.services.errors import NetworkActionError
from networks.services.membership import join_network
from networks.services.updates import (
    approve_update,
    history,
    return_update,
    save_update,
    withdraw_update,
)
from networks.workflow import UPDATE_FLOW
from tests.factories.networks import (
    JoinRequestFactory,
    MembershipFactory,
    UpdateFactory,
)
from website import todo


def write(author, network, publish=True, update=None, title="Spring news"):
    return save_update(
        author,
        network,
        update=update,
        title=title,
        body="<p>Hello</p>",
        visibility="public",
        publish=publish,
    )


def moves(update):
    return [(line.from_state, line.to_state) for line in history(update)]


def as_request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def moderated(network):
    network.moderate_updates = True
    network.save_revision().publish()
    return network


def test_every_status_change_is_a_staff_history_line(moderated, cochair, staff):
    update = write(cochair, moderated, publish=False)
    write(cochair, moderated, update=update, publish=False, title="Edited")  # no move
    write(cochair, moderated, update=update)
    return_update(staff, update, "Please shorten it.")
    write(cochair, moderated, update=update)
    approve_update(staff, update)
    withdraw_update(cochair, update)
    assert moves(update) == [
        ("", "draft"),
        ("draft", "awaiting"),
        ("awaiting", "returned"),
        ("returned", "awaiting"),
        ("awaiting", "published"),
        ("published", "withdrawn"),
    ]
    lines = history(update)
    assert {line.visibility for line in lines} == {"staff"}
    assert lines[2].note == "Please shorten it." and lines[2].actor_id == staff.pk
    assert (
        lines[2].label == "Status changed from Awaiting moderation to Returned by staff"
    )
    # Revisions still keep the wording of every save, moves and edits alike.
    assert update.revisions.count() == 7


def test_a_second_approve_or_return_is_refused(moderated, cochair, staff):
    update = UpdateFactory(
        network=moderated, author=cochair, status=UpdateStatus.AWAITING_MODERATION
    )
    approve_update(staff, update)
    with pytest.raises(NetworkActionError, match="not waiting for moderation"):
        approve_update(staff, update)
    with pytest.raises(NetworkActionError, match="not waiting for moderation"):
        return_update(staff, update, "Too late")
    update.refresh_from_db()
    assert update.status == UpdateStatus.PUBLISHED
    assert moves(update) == [("awaiting", "published")]


def test_double_click_on_approve_publishes_once(client, moderated, cochair, staff):
    update = UpdateFactory(
        network=moderated, author=cochair, status=UpdateStatus.AWAITING_MODERATION
    )
    client.force_login(staff)
    detail = reverse("networks_moderation_detail", kwargs={"pk": update.pk})
    client.post(detail, {"action": "approve"})
    second = client.post(detail, {"action": "approve"}, follow=True)
    assert "not waiting for moderation" in second.content.decode()
    assert moves(update) == [("awaiting", "published")]
    screen = client.get(detail).content.decode()
    assert "Status changed from Awaiting moderation to Published" in screen


def test_a_cochair_of_another_network_cannot_move_the_update(
    network, cochair, cochair_other
):
    update = write(cochair, network)
    with pytest.raises(NetworkActionError):
        withdraw_update(cochair_other, update)
    with pytest.raises(NetworkActionError):
        write(cochair_other, network, update=update, publish=False)
    assert not UPDATE_FLOW.can(update, UpdateStatus.WITHDRAWN, cochair_other)
    assert UPDATE_FLOW.can(update, UpdateStatus.WITHDRAWN, cochair)
    update.refresh_from_db()
    assert update.status == UpdateStatus.PUBLISHED


def test_only_moderators_approve_and_a_cochair_cannot_approve_their_own(
    moderated, cochair, staff
):
    update = write(cochair, moderated)
    assert UPDATE_FLOW.targets(update, cochair) == ["draft", "withdrawn"]
    with pytest.raises(NetworkActionError):
        approve_update(cochair, update)
    assert UPDATE_FLOW.can(update, UpdateStatus.PUBLISHED, staff)


def test_withdrawn_updates_stay_withdrawn(client, network, cochair):
    update = write(cochair, network)
    withdraw_update(cochair, update)
    with pytest.raises(NetworkActionError, match="withdrawn"):
        withdraw_update(cochair, update)
    client.force_login(cochair)
    response = client.post(
        reverse(
            "networks:update_withdraw", kwargs={"slug": network.slug, "pk": update.pk}
        ),
        follow=True,
    )
    assert (
        "has been withdrawn and can no longer be changed" in response.content.decode()
    )


def test_update_emails_one_per_member_with_html_and_the_manage_link(
    network, cochair, mailoutbox
):
    members = [
        MembershipFactory(network=network, update_emails="immediate").user
        for _ in range(2)
    ]
    MembershipFactory(network=network, update_emails="none")
    write(cochair, network, title="Big news")
    call_command("run_outbox_worker", once=True)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in members)
    settings_path = reverse(
        "networks:membership_settings", kwargs={"slug": network.slug}
    )
    for message in mailoutbox:
        assert len(message.to) == 1
        html = message.alternatives[0][0]
        assert "Big news" in message.subject and "Big news" in html
        assert settings_path in message.body and settings_path in html
        assert "Manage your emails" in html
        assert message.extra_headers["List-Unsubscribe"].endswith(settings_path + ">")


def test_moderation_and_join_emails_are_events_with_html(
    moderated, cochair, staff, member, mailoutbox
):
    write(cochair, moderated, title="Check me")
    join_network(member, moderated, "Hello")
    call_command("run_outbox_worker", once=True)
    by_to = {m.to[0]: m for m in mailoutbox}
    assert set(by_to) == {staff.email, cochair.email}
    assert "Check me" in by_to[staff.email].subject
    assert "asked to join" in by_to[cochair.email].alternatives[0][0]
    assert "Manage your emails" not in by_to[cochair.email].body
    assert by_to[cochair.email].body.count("The Voices programme team") == 1


def test_cochair_things_to_do(network, other_network, cochair, member, member_other):
    JoinRequestFactory(network=network, user=member)
    JoinRequestFactory(network=network, user=member_other)
    JoinRequestFactory(network=other_network, user=member)
    returned = UpdateFactory(
        network=network,
        author=cochair,
        title="Needs work",
        status=UpdateStatus.RETURNED,
        published_at=None,
    )
    items = todo.things_to_do(as_request(cochair), todo.PORTAL)
    texts = [item.text for item in items]
    assert f"2 requests to join {network.title} waiting for a decision" in texts
    assert not [t for t in texts if other_network.title in t]
    returned_item = next(item for item in items if item.kind == "returned_update")
    assert "Needs work" in returned_item.text
    assert returned_item.url == reverse(
        "networks:update_edit", kwargs={"slug": network.slug, "pk": returned.pk}
    )
    assert todos.join_requests_waiting(as_request(member)) == []
    assert todos.updates_returned(as_request(member)) == []


def test_moderators_see_updates_waiting_on_the_admin_home(
    client, network, cochair, staff, editor, django_assert_max_num_queries
):
    for _ in range(3):
        UpdateFactory(
            network=network, status=UpdateStatus.AWAITING_MODERATION, published_at=None
        )
    with django_assert_max_num_queries(3):
        items = todos.updates_to_moderate(as_request(staff))
    assert [item.text for item in items] == [
        "3 co-chair updates waiting for moderation"
    ]
    assert items[0].url == reverse("networks_moderation")
    assert todos.updates_to_moderate(as_request(editor)) == []
    client.force_login(staff)
    assert (
        "3 co-chair updates waiting for moderation"
        in client.get("/admin/").content.decode()
    )
