"""The demo network is built idempotently; a member's network data can be exported and
erased (updates stay, attributed to "Former member")."""

from django.core.management import call_command
from django.urls import reverse

from members.events import exports as event_data
from members.events import services as bookings
from members.events.models import EventBooking, EventPaper
from networks.models import (
    CoChairUpdate,
    JoinRequest,
    NetworkCoChair,
    NetworkEvent,
    NetworkMembership,
    NetworkPage,
    YouSaidWeDid,
)
from networks.models.updates import UpdateStatus
from networks.services.meetings import network_events, upcoming_meetings
from networks.services.member_data import erase_member_data, export_member_data
from tests.factories.networks import JoinRequestFactory, MeetingFactory, UpdateFactory
from website import activity


def counts():
    return (
        NetworkPage.objects.count(),
        NetworkCoChair.objects.count(),
        NetworkMembership.objects.count(),
        CoChairUpdate.objects.count(),
        NetworkEvent.objects.count(),
        EventBooking.objects.count(),
        EventPaper.objects.count(),
        JoinRequest.objects.count(),
        YouSaidWeDid.objects.count(),
    )


def test_demo_builds_the_west_midlands_network_twice_the_same(db, client):
    call_command("load_demo")
    first = counts()
    call_command("load_demo")
    assert counts() == first
    west = NetworkPage.objects.get(slug="west-midlands")
    assert west.url == "/networks/west-midlands/"
    assert {t.user.email for t in west.current_cochairs()} == {
        "cochair@example.org",
        "director@example.org",
    }
    assert NetworkMembership.objects.filter(
        network=west, user__email="member@example.org"
    ).exists()
    updates = west.updates.all()
    assert updates.count() == 3
    assert updates.filter(visibility="members", status="published").count() == 1
    assert updates.filter(status=UpdateStatus.AWAITING_MODERATION).count() == 1
    # Two meetings to come, and (new with meetings as events) a past one whose
    # attendance was marked and whose papers were added.
    assert upcoming_meetings(west).count() == 2
    past = network_events(west).get(title="Network meeting: getting to appointments")
    assert past.is_past
    assert dict(past.bookings.values_list("user__email", "attended")) == {
        "member@example.org": True,
        "cochair@example.org": True,
        "partner@example.org": False,
    }
    assert dict(past.papers.values_list("title", "visibility")) == {
        "Agenda": "public",
        "Minutes": "members",
    }
    assert NetworkPage.objects.filter(status="setting_up").count() == 2
    assert client.get("/networks/").status_code == 200
    html = client.get("/networks/west-midlands/").content.decode()
    assert "Director co-chair" in html and "Lived experience co-chair" in html
    # Two "you said, we did" items, one changed, the member named with her agreement.
    assert west.you_said.count() == 2
    log = client.get("/networks/west-midlands/you-said/").content.decode()
    assert "raised by Morgan" in log and "Not changed yet" in log


def test_export_and_erase(network, cochair, network_member):
    update = UpdateFactory(network=network, author=network_member, title="Kept")
    draft = UpdateFactory(
        network=network,
        author=network_member,
        title="My draft",
        status="draft",
        published_at=None,
    )
    activity.record(update, by=network_member, verb="status", to_state="published")
    activity.record(draft, by=network_member, verb="status", to_state="draft")
    JoinRequestFactory(network=network, user=network_member, status="declined")
    meeting = MeetingFactory(network=network, capacity=1)
    bookings.book(meeting, user=network_member, access_needs="Step-free seat")
    waiting = NetworkMembership.objects.create(network=network, user=cochair).user
    bookings.book(meeting, user=waiting)

    records = export_member_data(network_member)
    kinds = {r["record"] for r in records}
    assert kinds == {"membership", "join request", "update you wrote"}
    # The booking is in the events section of the download, as for any event.
    booked = event_data.export_bookings_section(network_member)
    assert booked.key == "event_bookings"
    assert [
        (r["event"], r["status"], r["access_needs_shared"]) for r in booked.records
    ] == [(meeting.title, "confirmed", "Step-free seat")]

    erase_member_data(network_member)
    event_data.erase_member_data(network_member)  # bookings are the events feature's
    update.refresh_from_db()
    assert update.author is None and update.author_name == "Former member"
    assert not CoChairUpdate.objects.filter(title="My draft").exists()
    assert not activity.for_record(draft).exists()
    line = activity.for_record(update).get()
    assert (line.actor, line.actor_name, line.to_state) == (None, "", "published")
    assert not NetworkMembership.objects.filter(user=network_member).exists()
    assert not JoinRequest.objects.filter(user=network_member).exists()
    assert not EventBooking.objects.filter(user=network_member).exists()
    # The freed place goes to the first person waiting: offered now, with a deadline to
    # confirm, rather than given outright.
    assert meeting.bookings.get(user=waiting).status == "offered"


def test_export_hook_is_registered_with_the_portal(network, network_member):
    try:
        from website.dataexport import sections_for
    except ImportError:  # the portal's registry has not landed
        return
    keys = [s.key for s in sections_for(network_member)]
    assert "networks" in keys


def test_network_index_lists_networks_with_cochairs_and_counts(
    client, network, cochair, network_member
):
    html = client.get("/networks/").content.decode()
    assert network.title in html
    assert cochair.display_name in html
    assert "1 member" in html
    assert reverse("networks:workspace", kwargs={"slug": network.slug}) not in html
