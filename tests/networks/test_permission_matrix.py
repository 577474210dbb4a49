"""Every /portal/networks/ URL and action against every role (AC-1, AC-3).

Co-chair URLs answer 200 (or a redirect after a POST) to a current co-chair of *this*
network only. Everyone else signed in gets 404, so the workspace does not even confirm it
exists; anonymous visitors are sent to sign in. Nothing changes in the database on a refusal.
"""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from members.events.models import Event, EventBooking
from networks.models import CoChairUpdate, JoinRequest
from networks.models.membership import JoinRequestStatus
from networks.models.updates import UpdateStatus
from tests.factories.networks import JoinRequestFactory, MeetingFactory, UpdateFactory

ROLES = [
    "anonymous",
    "lone_member",
    "other_network_member",
    "network_member",
    "cochair",
    "cochair_other",
    "past_cochair",
    "staff",
]

COCHAIR_ONLY = {"cochair"}
NETWORK_MEMBERS = {"network_member", "cochair"}


@pytest.fixture
def objects(network, cochair):
    update = UpdateFactory(network=network, author=cochair, title="Existing update")
    join_request = JoinRequestFactory(network=network)
    meeting = MeetingFactory(network=network)
    return {"update": update, "join_request": join_request, "meeting": meeting}


def user_for(role, request):
    if role == "anonymous":
        return None
    if role == "staff":
        return request.getfixturevalue("staff")
    return request.getfixturevalue(role)


def routes(objects):
    slug = "west-midlands"
    u, jr, m = objects["update"].pk, objects["join_request"].pk, objects["meeting"].pk
    return [
        # (method, url name, kwargs, data, who succeeds)
        ("get", "networks:workspace", {}, None, COCHAIR_ONLY),
        ("get", "networks:members", {}, None, COCHAIR_ONLY),
        ("get", "networks:update_create", {}, None, COCHAIR_ONLY),
        (
            "post",
            "networks:update_create",
            {},
            {"title": "Hi", "body": "Text", "visibility": "public", "draft": "1"},
            COCHAIR_ONLY,
        ),
        ("get", "networks:update_edit", {"pk": u}, None, COCHAIR_ONLY),
        (
            "post",
            "networks:update_edit",
            {"pk": u},
            {"title": "Changed", "body": "Changed", "visibility": "public"},
            COCHAIR_ONLY,
        ),
        ("post", "networks:update_withdraw", {"pk": u}, {}, COCHAIR_ONLY),
        (
            "post",
            "networks:join_request_decide",
            {"pk": jr},
            {"decision": "approve"},
            COCHAIR_ONLY,
        ),
        ("get", "networks:meeting_create", {}, None, COCHAIR_ONLY),
        ("get", "networks:meeting_registrations", {"pk": m}, None, COCHAIR_ONLY),
        ("get", "networks:meeting_edit", {"pk": m}, None, COCHAIR_ONLY),
        ("get", "networks:meeting_cancel_by_cochair", {"pk": m}, None, COCHAIR_ONLY),
        ("post", "networks:meeting_register", {"pk": m}, {}, NETWORK_MEMBERS),
        ("post", "networks:meeting_cancel", {"pk": m}, {}, NETWORK_MEMBERS),
        ("get", "networks:membership_settings", {}, None, {"network_member"}),
        # Last: it cancels the meeting the rows above use.
        ("post", "networks:meeting_cancel_by_cochair", {"pk": m}, {}, COCHAIR_ONLY),
    ], slug


def expected_status(role, method, allowed):
    if role == "anonymous":
        return "login"
    if role in allowed:
        return 200 if method == "get" else 302
    return 404


@pytest.mark.parametrize("role", ROLES)
def test_portal_network_routes_by_role(
    role, request, client, objects, network_member, other_network_member
):
    user = user_for(role, request)
    if user is not None:
        client.force_login(user)
    table, slug = routes(objects)
    failures = []
    for method, name, kwargs, data, allowed in table:
        url = reverse(name, kwargs={"slug": slug, **kwargs})
        before = snapshot()
        response = getattr(client, method)(url, data or {})
        want = expected_status(role, method, allowed)
        if want == "login":
            ok = response.status_code == 302 and response["Location"].startswith(
                "/accounts/login/?next="
            )
        else:
            ok = response.status_code == want
        if want in (404, "login") and snapshot() != before:
            failures.append(f"{method.upper()} {url}: database changed on refusal")
        if not ok:
            failures.append(
                f"{method.upper()} {url}: got {response.status_code}, want {want}"
            )
    assert failures == [], "\n".join(failures)


def snapshot():
    return (
        list(CoChairUpdate.objects.values_list("pk", "title", "status").order_by("pk")),
        list(JoinRequest.objects.values_list("pk", "status").order_by("pk")),
        list(EventBooking.objects.values_list("pk", "status").order_by("pk")),
        # A cancelled meeting keeps its row now, so its status shows a refused cancel.
        list(Event.objects.values_list("pk", "title", "status").order_by("pk")),
    )


def test_cochair_cannot_act_on_another_networks_objects_by_id(
    client, network, other_network, cochair_other, objects
):
    """A co-chair of the North West guessing West Midlands ids through their own slug."""
    client.force_login(cochair_other)
    update, join_request = objects["update"], objects["join_request"]
    urls = [
        reverse("networks:update_edit", kwargs={"slug": "north-west", "pk": update.pk}),
        reverse(
            "networks:update_withdraw", kwargs={"slug": "north-west", "pk": update.pk}
        ),
        reverse(
            "networks:join_request_decide",
            kwargs={"slug": "north-west", "pk": join_request.pk},
        ),
        reverse(
            "networks:meeting_registrations",
            kwargs={"slug": "north-west", "pk": objects["meeting"].pk},
        ),
    ]
    for url in urls:
        assert client.get(url).status_code in (404, 405)
        assert (
            client.post(
                url,
                {
                    "decision": "approve",
                    "title": "x",
                    "body": "y",
                    "visibility": "public",
                },
            ).status_code
            == 404
        )
    update.refresh_from_db()
    join_request.refresh_from_db()
    assert update.status == UpdateStatus.PUBLISHED and update.title == "Existing update"
    assert join_request.status == JoinRequestStatus.PENDING


def noon(day):
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def test_cochair_rights_end_the_day_after_the_term(client, network, cochair):
    """No scheduled job: the dates alone decide, on every request."""
    term = cochair.cochair_terms.get()
    url = reverse("networks:workspace", kwargs={"slug": network.slug})
    client.force_login(cochair)
    assert client.get(url).status_code == 200
    with time_machine.travel(noon(term.term_end), tick=False):
        client.force_login(cochair)  # the earlier session has expired by then
        assert client.get(url).status_code == 200
    with time_machine.travel(noon(term.term_end + timedelta(days=1)), tick=False):
        client.force_login(cochair)
        assert client.get(url).status_code == 404


def test_inactive_cochair_is_treated_as_anonymous(client, network, cochair):
    cochair.is_active = False
    cochair.save()
    client.force_login(cochair)
    response = client.get(reverse("networks:workspace", kwargs={"slug": network.slug}))
    assert response.status_code == 302
