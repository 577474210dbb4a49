"""Demo networks, built idempotently by `manage.py load_demo` (after members.demo).

The West Midlands network is complete: two co-chairs, members, a pending join request,
three updates (one members-only, one awaiting moderation), two upcoming meetings and two
past ones (networks/demo_meetings.py).
Two more networks are being set up and have fewer details. Running twice changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from home.models import HomePage, Region
from members.accounts.demo import ensure_account
from members.events.models import EventFormat
from members.models import User
from networks import demo_meetings
from networks.models import (
    CoChairUpdate,
    JoinRequest,
    NetworkCoChair,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
    YouSaidWeDid,
)
from networks.models.membership import JoinRequestStatus, ProfileVisibility
from networks.models.pages import JoinMode, NetworkStatus
from networks.models.updates import UpdateStatus, UpdateVisibility
from networks.services import meetings as meetings_service
from networks.services import membership, updates

DIRECTOR = ("director@example.org", "Dana", "Director")
EXTRA_MEMBERS = [
    ("ade.member@example.org", "Ade", "Member"),
    ("rowan.member@example.org", "Rowan", "Member"),  # asks to join; a co-chair decides
]

WEST_MIDLANDS_BODY = [
    ("heading", "What the network does"),
    (
        "paragraph",
        "<p>The network brings together people who use health and care services, unpaid "
        "carers and the leaders who run those services across the West Midlands. We plan "
        "changes together, as equal partners, rather than asking people for their views "
        "after decisions are made.</p>",
    ),
    ("heading", "Where it came from"),
    (
        "paragraph",
        "<p>It grew out of a coaching pilot with the region's directors of adult social "
        "care, in which Lived Experience Partners coached senior leaders one to one. The "
        "directors wanted to carry that balance of power into how the whole region works.</p>",
    ),
]

UPDATES = [
    (
        "Welcome to the network",
        "We are glad you are here.\n\nThe network is led by two co-chairs: one of us "
        "brings lived experience and one of us leads adult social care services. We share "
        "every decision.\n\n- Meetings are every other month\n- You can take part online "
        "or in person\n- Travel costs are paid",
        UpdateVisibility.PUBLIC,
        UpdateStatus.PUBLISHED,
        14,
    ),
    (
        "Notes from our planning session",
        "Thank you to everyone who joined the planning session. The notes and the list "
        "of priorities we agreed are ready for members to read and comment on.\n\nPlease "
        "send comments before the next meeting.",
        UpdateVisibility.MEMBERS,
        UpdateStatus.PUBLISHED,
        5,
    ),
    (
        "Looking for members to review a carers' leaflet",
        "A council in the region has asked for help checking a leaflet for unpaid carers. "
        "If you have caring experience and an hour to spare, let us know.",
        UpdateVisibility.PUBLIC,
        UpdateStatus.AWAITING_MODERATION,
        1,
    ),
]


def load():
    home = HomePage.objects.first()
    if home is None:
        return
    index = ensure_index(home)
    west_midlands = ensure_west_midlands(index)
    ensure_setting_up(
        index,
        slug="north-west",
        title="North West Regional Co-production Network",
        region_slug="north-west",
        purpose="A new network for the North West, bringing lived experience into "
        "regional decisions about care.",
    )
    ensure_setting_up(
        index,
        slug="south-west",
        title="South West Regional Co-production Network",
        region_slug="south-west",
        purpose="Planned for the South West: people who use services and leaders "
        "working on change together.",
    )
    ensure_people(west_midlands)
    ensure_updates(west_midlands)
    ensure_meetings(west_midlands)
    ensure_you_said(west_midlands)


def ensure_index(home):
    index = NetworkIndexPage.objects.child_of(home).filter(slug="networks").first()
    if index is None:
        index = NetworkIndexPage(
            title="Regional networks",
            slug="networks",
            intro="Regional co-production networks bring together people with lived "
            "experience and leaders in health and care to shape services in their area.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def ensure_west_midlands(index):
    page = NetworkPage.objects.child_of(index).filter(slug="west-midlands").first()
    if page is None:
        page = NetworkPage(
            title="West Midlands Regional Co-production Network",
            slug="west-midlands",
            region=Region.objects.filter(slug="west-midlands").first(),
            purpose="People with lived experience and social care leaders shaping care "
            "in the West Midlands together.",
            how_to_join="Any Voices member who lives or works in the West Midlands can ask "
            "to join. The co-chairs reply within two weeks.",
            meeting_pattern="Every other month, online or in Birmingham",
            body=WEST_MIDLANDS_BODY,
            join_mode=JoinMode.REQUEST,
            moderate_updates=True,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def ensure_setting_up(index, *, slug, title, region_slug, purpose):
    page = NetworkPage.objects.child_of(index).filter(slug=slug).first()
    if page is None:
        page = NetworkPage(
            title=title,
            slug=slug,
            region=Region.objects.filter(slug=region_slug).first(),
            status=NetworkStatus.SETTING_UP,
            purpose=purpose,
            join_mode=JoinMode.INVITATION,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return page


def ensure_people(network):
    today = timezone.localdate()
    term_start = today.replace(month=1, day=1)
    term_end = term_start.replace(year=term_start.year + 2) - timedelta(days=1)
    cochair = User.objects.get(email="cochair@example.org")
    director = ensure_account(*DIRECTOR, ["Members"])
    for order, (user, role, organisation) in enumerate(
        [
            (cochair, "Lived experience co-chair", "Voices Lived Experience Partner"),
            (
                director,
                "Director co-chair",
                "Director of Adult Social Care, a West Midlands council (demo)",
            ),
        ]
    ):
        NetworkCoChair.objects.update_or_create(
            network=network,
            user=user,
            defaults={
                "role_title": role,
                "organisation": organisation,
                "term_start": term_start,
                "term_end": term_end,
                "sort_order": order,
            },
        )
    for email, first, last in EXTRA_MEMBERS:
        ensure_account(email, first, last, ["Members"])
    member = User.objects.get(email="member@example.org")
    ade = User.objects.get(email=EXTRA_MEMBERS[0][0])
    rowan = User.objects.get(email=EXTRA_MEMBERS[1][0])
    # Members ask to join as anyone does, and the co-chair approves two of them.
    for user, message, approve in [
        (member, "I care for my dad and want better hospital discharge.", True),
        (ade, "", True),
        (rowan, "I support people leaving hospital and would like to help.", False),
    ]:
        if (
            membership.join_network(user, network, message) != "requested"
            or not approve
        ):
            continue
        request = JoinRequest.objects.get(
            network=network, user=user, status=JoinRequestStatus.PENDING
        )
        membership.decide_join_request(cochair, request, approve=True)
    NetworkMembership.objects.filter(network=network, user=member, short_bio="").update(
        visibility=ProfileVisibility.NAME_REGION_BIO,
        short_bio="Carer for my dad; interested in hospital discharge.",
    )


def ensure_updates(network):
    """Each update written by the co-chair and, where the demo shows it published, approved
    by staff, through the updates service (moderation, history, revisions). Dated back
    afterwards, and marked as already emailed: demo content never reaches a digest."""
    cochair = User.objects.get(email="cochair@example.org")
    staff = User.objects.get(email="staff@example.org")
    now = timezone.now()
    for title, text, visibility, status, days_ago in UPDATES:
        if CoChairUpdate.objects.filter(network=network, title=title).exists():
            continue
        update = updates.save_update(
            cochair,
            network,
            title=title,
            body=text,
            visibility=visibility,
            publish=True,
        )
        if status == UpdateStatus.PUBLISHED and update.status != status:
            update = updates.approve_update(staff, update)
        when = now - timedelta(days=days_ago)
        CoChairUpdate.objects.filter(pk=update.pk).update(
            created_at=when,
            published_at=when if update.published_at else None,
            emailed_at=now,
        )


def ensure_meetings(network):
    cochair = User.objects.get(email="cochair@example.org")
    meetings = [
        (
            "Network meeting: hospital discharge",
            21,
            10,
            EventFormat.BOTH,
            "Birmingham and online",
            "Address and video link are sent to members before the meeting.",
            "Step-free venue with a hearing loop. Live captions online. A break every "
            "45 minutes. Travel and care costs are paid.",
            30,
        ),
        (
            "Co-production drop-in",
            49,
            14,
            EventFormat.ONLINE,
            "Online",
            "Join by video or phone; details arrive by email a week before.",
            "Captions on. Cameras optional. You can type instead of speaking.",
            12,
        ),
    ]
    mine = meetings_service.network_events(network)
    for title, days, hour, fmt, place, joining, access, places in meetings:
        meeting = mine.filter(title=title).order_by("-starts_at").first()
        if meeting is not None and not meeting.is_past:
            continue
        starts = demo_meetings.upcoming(days, hour)
        fields = {
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "format": fmt,
            "venue_name": place,
            "joining_details": joining,
            "access_notes": access,
            "capacity": places,
        }
        if meeting is None:
            meetings_service.add_meeting(cochair, network, title=title, **fields)
        else:  # last run's date has passed: the demo moves it on, telling nobody
            type(meeting).objects.filter(pk=meeting.pk).update(**fields)
    demo_meetings.ensure_past_meetings(network, cochair)


def ensure_you_said(network):
    """Two items in the "you said, we did" log: one changed, one still open, the member
    named with her agreement (only once: the co-chair's log is not rewritten on reload)."""
    if YouSaidWeDid.objects.filter(network=network).exists():
        return
    today = timezone.localdate()
    cochair = User.objects.get(email="cochair@example.org")
    member = User.objects.filter(
        email="member@example.org", network_memberships__network=network
    ).first()
    YouSaidWeDid.objects.create(
        network=network,
        you_said="Papers arrive the night before the meeting, which is too late to "
        "read them properly, especially in Easy Read.",
        raised_on=today - timedelta(days=70),
        raised_by=member,
        named_with_consent=member is not None,
        decided="Papers go out a week ahead, with an Easy Read summary.",
        we_did="Since the last meeting, papers and their Easy Read summary are "
        "shared seven days before.",
        changed_on=today - timedelta(days=35),
        created_by=cochair,
    )
    YouSaidWeDid.objects.create(
        network=network,
        you_said="Evening meetings are hard for carers; could some be in school hours?",
        raised_on=today - timedelta(days=20),
        decided="Try alternating the time of day for the next three meetings.",
        created_by=cochair,
    )
