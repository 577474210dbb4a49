"""The events demo, built through the booking services as people would book; idempotent.

A public webinar with 250 places and a few bookings, a members-only workshop that is full
with a waiting list, member@example.org booked on the webinar, an invited-only
roundtable for leaders (director@example.org invited), and a past advisory group
meeting with its attendance marked (the member came), its agenda (public) and its
minutes (members only). The advisory group and a past partners' day pay the people who
came, so the ledger has their claims (members.payments.demo).
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from home.models.snippets import Region
from members.events import services
from members.events.models import Event, EventBooking, EventInvitation, EventPaper
from members.models import User
from members.payments import demo as payments_demo
from members.payments import sources
from members.payments.models import Involvement

JOINING = "https://meet.example.org/voices-webinar"

DEMO_EVENTS = [
    {
        "slug": "co-production-in-commissioning-webinar",
        "title": "Co-production in commissioning: a webinar for leaders",
        "summary": "An hour with Lived Experience Partners and commissioners on sharing "
        "decisions from the start, with time for questions.",
        "description": "Two partners and a director of adult social care talk about "
        "what changed when people who use services sat at the commissioning table.\n\n"
        "Live captions are on. The recording is shared with everyone who booked.",
        "kind": "webinar",
        "audience": "public",
        "format": "online",
        "joining_link": JOINING,
        "capacity": 250,
        "days": 14,
    },
    {
        "slug": "speaking-with-senior-leaders-workshop",
        "title": "Getting ready to speak with senior leaders",
        "summary": "A small workshop for members preparing for a board or panel: "
        "telling your story on your terms, and looking after yourself afterwards.",
        "description": "Bring a story you would like to tell, or just come and listen.\n\n"
        "Travel expenses are paid. Tell us what would help you take part.",
        "kind": "workshop",
        "audience": "members",
        "format": "in_person",
        "venue_name": "Birmingham Voluntary Service Council",
        "venue_address": "138 Digbeth, Birmingham B5 6DR",
        "step_free_route": "Level entrance from Digbeth; lift to the first-floor room.",
        "hearing_loop": "Portable hearing loop in the meeting room; ask at reception.",
        "quiet_room": "A quiet room is next door all day.",
        "accessible_parking": "Two blue-badge bays behind the building (Allison Street).",
        "capacity": 1,
        "days": 21,
        "region": "west-midlands",
    },
    {
        "slug": "advisory-group-what-we-heard-this-year",
        "title": "Advisory group: what we heard this year",
        "summary": "Members and staff looked back at the year's co-production work and "
        "chose three things to change next.",
        "description": "An online meeting with live captions and a British Sign "
        "Language interpreter.",
        "kind": "advisory_group",
        "audience": "members",
        "format": "online",
        "joining_link": "https://meet.example.org/voices-review",
        "capacity": 40,
        "days": -20,
    },
]

VISITORS = [
    ("Priya Shah", "priya.shah@example.org"),
    ("Tom Evans", "tom.evans@example.org"),
    ("Grace Okafor", "grace.okafor@example.org"),
]


def ensure_event(item):
    event = Event.objects.filter(slug=item["slug"]).first()
    if event:
        return event
    fields = {k: v for k, v in item.items() if k not in ("days", "region", "hours")}
    starts = (timezone.now() + timedelta(days=item["days"])).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    return Event.objects.create(
        **fields,
        starts_at=starts,
        ends_at=starts + timedelta(hours=item.get("hours", 2)),
        region=Region.objects.filter(slug=item.get("region", "")).first(),
    )


def _book_member(event, email, access_needs=""):
    user = User.objects.filter(email=email).first()
    if user and not EventBooking.objects.filter(event=event, user=user).exists():
        services.book(event, user=user, access_needs=access_needs)


def past_attendance(event, attendees):
    """A past event with attendance marked: written as the rows would be, since the
    booking service refuses events that have started. `attendees`: (email, came)."""
    if EventBooking.objects.filter(event=event).exists():
        return
    for email, came in attendees:
        user = User.objects.filter(email=email).first()
        if user:
            EventBooking.objects.create(
                event=event, user=user, status="confirmed", attended=came
            )


PAST_ATTENDEES = [
    ("member@example.org", True),
    ("cochair@example.org", True),
    ("partner@example.org", False),
]


AGENDA = [
    "Advisory group: what we heard this year",
    "Agenda",
    "1. Welcome, and how the meeting will run (captions, BSL, breaks)",
    "2. What members told us this year: the three things heard most often",
    "3. Choosing what to change next",
    "4. Anything else, and the date of the next meeting",
]
MINUTES = [
    "Advisory group: what we heard this year",
    "Minutes",
    "Present: members of the advisory group and the programme team.",
    "Decided:",
    "1. Papers go out at least a week before every meeting, in plain English.",
    "2. Every online meeting also has a phone number to join by.",
    "3. Preparation time for members speaking at boards is paid.",
    "The programme team reports back on all three at the next meeting.",
]


def pdf(lines):
    """A one-page PDF holding `lines` of plain text: enough for a demo paper."""
    text = " ".join(
        f"({line.replace('(', '[').replace(')', ']')}) Tj 0 -22 Td" for line in lines
    )
    stream = f"BT /F1 12 Tf 60 760 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def add_papers(event, papers):
    """PDF papers stored as an organiser's upload is; `papers`: (title, kind, visibility,
    lines of text). Only for an event with no papers yet."""
    if EventPaper.objects.filter(event=event).exists():
        return
    for title, kind, visibility, lines in papers:
        content = pdf(lines)
        paper = EventPaper(
            event=event,
            title=title,
            kind=kind,
            visibility=visibility,
            extension="pdf",
            size=len(content),
        )
        paper.file.save(f"{kind}.pdf", ContentFile(content), save=False)
        paper.save()


ROUNDTABLE = {
    "slug": "leaders-roundtable-on-co-production",
    "title": "Leaders' roundtable: sharing power with people who use services",
    "summary": "An invited conversation for directors and chief executives with "
    "Lived Experience Partners, about what sharing decisions asks of a leader.",
    "description": "Twelve places. Two partners open with what worked and what did "
    "not; then an hour of questions, in confidence.",
    "kind": "workshop",
    "audience": "invited",
    "format": "online",
    "joining_link": "https://meet.example.org/voices-roundtable",
    "capacity": 12,
    "days": 28,
}


PARTNERS_DAY = {
    "slug": "partners-day-telling-your-story-safely",
    "title": "Partners' day: telling your story safely",
    "summary": "A day for Lived Experience Partners on choosing what to share with "
    "leaders, and looking after yourself afterwards.",
    "description": "In person, with lunch and a quiet room. Travel and care costs are "
    "paid back.",
    "kind": "workshop",
    "audience": "members",
    "format": "in_person",
    "venue_name": "Birmingham",
    "capacity": 20,
    "days": -9,
    "hours": 5,
}


def paid(event, involvement=Involvement.EVENT):
    """The event pays the people who came: each gets a claim, as marking attendance
    would make (the demo writes the attendance rows itself, so it asks the ledger)."""
    payments_demo.pay_attendees(event, involvement)
    came = EventBooking.objects.filter(event=event, attended=True, user__isnull=False)
    sources.attendance_marked(
        event, came=came.select_related("user"), missed=[], by=None
    )


def _invite_quietly(event, emails):
    """Invitations as an organiser's list holds them; the demo emails nobody."""
    for email in emails:
        EventInvitation.objects.get_or_create(event=event, email=email)


def load():
    webinar, workshop, advisory = (ensure_event(item) for item in DEMO_EVENTS)
    _invite_quietly(ensure_event(ROUNDTABLE), ["director@example.org"])
    # The member and the co-chair came; a third member booked and did not. The advisory
    # group pays the people who come, so each has a claim (payments' demo moves them on).
    past_attendance(advisory, PAST_ATTENDEES)
    paid(advisory)
    partners_day = ensure_event(PARTNERS_DAY)
    past_attendance(partners_day, [("partner@example.org", True)])
    paid(partners_day)
    # The agenda for anyone, the minutes for members.
    add_papers(
        advisory,
        [
            ("Agenda", "paper", "public", AGENDA),
            ("Minutes of the meeting", "minutes", "members", MINUTES),
        ],
    )
    for name, email in VISITORS:
        if not EventBooking.objects.filter(event=webinar, email=email).exists():
            services.book(webinar, name=name, email=email)
    _book_member(webinar, "member@example.org", "Live captions, please.")
    # The workshop's one place, then the waiting list.
    _book_member(workshop, "cochair@example.org")
    _book_member(workshop, "partner@example.org")
