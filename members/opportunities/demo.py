"""Demo opportunities: the /opportunities/ listing, seven opportunities, a few interests.

Run by `manage.py load_demo` through members.demo, after the accounts (the interests belong
to the demo member and co-chair); a second run changes nothing.
"""

from members.models import User

DEMO_OPPORTUNITIES = [
    # Each: slug, days until closing (negative = closed), fields. Text written for Voices.
    {
        "slug": "coach-a-director-of-adult-social-care",
        "closes_in": 26,
        "title": "Coach a director of adult social care",
        "summary": (
            "Meet one senior leader every few weeks and help them see their decisions "
            "through the eyes of people who draw on care and support."
        ),
        "opportunity_type": "coaching",
        "organisation": "Voices programme team",
        "regions": ["west-midlands"],
        "format": "hybrid",
        "location": "Online, or a council office in the West Midlands if you prefer",
        "places": 3,
        "time_commitment": "1 hour per session",
        "frequency": "every three weeks",
        "duration": "Six months",
        "payment_amount": "150",
        "payment_unit": "session",
        "expenses": ["travel", "care", "support_worker", "internet"],
        "support": ["training", "pre_meetings"],
        "contact_name": "Amira, coaching lead",
        "accessibility": (
            "Sessions can be by video, phone or in person. Offices used are step-free "
            "with accessible toilets. Breaks whenever you need them."
        ),
        "body": (
            "Directors rarely get a protected hour to think. In these sessions you "
            "share what has helped and what has got in the way when you have used "
            "services, and the director reflects on how their choices land with people. "
            "You set the agenda together; you do not need any coaching qualification."
        ),
    },
    {
        "slug": "west-midlands-network-planning-group",
        "closes_in": 5,
        "title": "Plan the next West Midlands co-production network meeting",
        "summary": (
            "Join a small group of members and council staff deciding what the regional "
            "network talks about next, and how the day is run."
        ),
        "opportunity_type": "coproduction",
        "organisation": "West Midlands regional co-production network",
        "regions": ["west-midlands"],
        "format": "in_person",
        "location": "Birmingham city centre, near New Street station",
        "places": 8,
        "time_commitment": "A two-hour meeting",
        "frequency": "twice before the network day",
        "duration": "Six weeks",
        "payment_amount": "25",
        "payment_unit": "hour",
        "expenses": ["travel", "care"],
        "support": ["pre_meetings"],
        "contact_name": "Dev, network coordinator",
        "accessibility": (
            "Ground-floor room with a hearing loop and a quiet space next door. Papers "
            "are sent a week ahead in large print or plain text on request."
        ),
        "body": (
            "The network is co-chaired by a lived-experience co-leader and a director "
            "of adult social care. This group shapes the agenda so that the day works "
            "for people who live with long-term conditions or care for someone."
        ),
    },
    {
        "slug": "national-inequalities-lived-experience-panel",
        "closes_in": 33,
        "title": "Lived experience panel for a national health inequalities programme",
        "summary": (
            "Give a view on plans to narrow gaps in health between the most and least "
            "deprived areas. All places are taken; join the waiting list."
        ),
        "opportunity_type": "advisory",
        "organisation": "A national NHS improvement programme",
        "regions": ["national", "online"],
        "format": "online",
        "location": "Microsoft Teams",
        "places": 1,
        "time_commitment": "90 minutes per meeting",
        "frequency": "once a month",
        "duration": "One year",
        "payment_amount": "75",
        "payment_unit": "session",
        "expenses": ["internet"],
        "support": ["training", "pre_meetings"],
        "contact_name": "Rosa, involvement officer",
        "accessibility": (
            "Live captions are on for every meeting and slides are shared the day "
            "before. Cameras are optional."
        ),
        "body": (
            "The panel reads draft plans and says what would make them work for "
            "people facing the biggest barriers, including people who are not online."
        ),
    },
    {
        "slug": "carers-hospital-discharge-study",
        "closes_in": 18,
        "title": "Help shape a study of carers' experiences of hospital discharge",
        "summary": (
            "Researchers want unpaid carers to help write the questions and check that "
            "the findings make sense before they are published."
        ),
        "opportunity_type": "research",
        "organisation": "A university health research unit",
        "regions": ["north-west", "online"],
        "format": "online",
        "location": "Zoom",
        "places": 10,
        "time_commitment": "2 hours per workshop",
        "frequency": "three workshops",
        "duration": "Four months",
        "payment_amount": "25",
        "payment_unit": "hour",
        "expenses": ["internet", "care"],
        "support": ["training"],
        "contact_name": "Dr Lewis, research lead",
        "accessibility": (
            "Workshops are short, with a break every 40 minutes. You can take part "
            "by phone if video is hard."
        ),
        "body": (
            "You will not be asked about your own medical history. The team wants to "
            "learn from what carers noticed, what went well and what did not."
        ),
    },
    {
        "slug": "telling-your-story-safely-workshop",
        "closes_in": 9,
        "title": "Workshop: sharing your story with leaders, safely",
        "summary": (
            "A friendly half-day for members getting ready to speak with senior "
            "leaders, on choosing what to share and looking after yourself."
        ),
        "opportunity_type": "event",
        "organisation": "Voices programme team",
        "regions": ["london"],
        "format": "in_person",
        "location": "A community centre in Southwark, London",
        "places": 20,
        "time_commitment": "Half a day",
        "frequency": "one session",
        "duration": "One day",
        "payment_amount": None,
        "payment_unit": "voluntary",
        "expenses": ["travel", "care", "support_worker"],
        "support": [],
        "contact_name": "Amira, coaching lead",
        "accessibility": (
            "Step-free venue with accessible toilets and a quiet room. Lunch is "
            "provided; tell us about any dietary needs."
        ),
        "body": (
            "Come along if you are new to co-production or want a refresher. There "
            "is no pressure to speak in the group."
        ),
    },
    {
        "slug": "members-reference-group-portal",
        "closes_in": 30,
        "title": "Members' reference group: improving the Voices portal",
        "summary": (
            "Try new parts of the member portal before anyone else and tell us what "
            "is confusing, slow or hard to use with your own devices."
        ),
        "opportunity_type": "advisory",
        "organisation": "Voices programme team",
        "regions": ["online"],
        "format": "online",
        "location": "Video call or phone",
        "places": 6,
        "time_commitment": "1 hour",
        "frequency": "every two months",
        "duration": "One year",
        "payment_amount": None,
        "payment_unit": "voluntary",
        "expenses": ["internet"],
        "support": ["pre_meetings"],
        "contact_name": "Sam, programme staff",
        "accessibility": (
            "Use whatever device and assistive technology you normally use; that is "
            "exactly what we want to learn from."
        ),
        "audience": "members",
        "body": (
            "This group is for members only because it looks at features that are "
            "not public yet."
        ),
    },
    {
        "slug": "lived-experience-co-lead-part-time",
        "closes_in": -12,
        "title": "Paid role: lived experience co-lead (part time)",
        "summary": (
            "A paid, part-time role co-leading the programme's coaching work alongside "
            "the head of experience."
        ),
        "opportunity_type": "paid_role",
        "organisation": "Voices programme team",
        "regions": ["national"],
        "format": "hybrid",
        "location": "Mostly from home, with some travel in England",
        "places": 1,
        "time_commitment": "Two days a week",
        "frequency": "flexible days",
        "duration": "18 months",
        "payment_amount": "160",
        "payment_unit": "day",
        "expenses": ["travel", "care", "support_worker"],
        "support": ["training"],
        "contact_name": "Head of experience",
        "accessibility": (
            "Reasonable adjustments are made from the interview onwards; ask for "
            "questions in advance."
        ),
        "body": "Applications for this role have closed. Thank you to everyone who applied.",
    },
]

# (email, opportunity slug, status): the demo member has interests in two statuses.
DEMO_INTERESTS = [
    ("member@example.org", "west-midlands-network-planning-group", "shortlisted"),
    (
        "member@example.org",
        "national-inequalities-lived-experience-panel",
        "waiting_list",
    ),
    ("cochair@example.org", "national-inequalities-lived-experience-panel", "accepted"),
]


def load():
    """The /opportunities/ listing, seven opportunities and a few interests; idempotent."""
    index = ensure_opportunity_index()
    pages = {
        item["slug"]: ensure_opportunity(index, item) for item in DEMO_OPPORTUNITIES
    }
    ensure_demo_interests(pages)


def ensure_opportunity_index():
    from home.models import HomePage
    from members.models import OpportunityIndexPage

    index = OpportunityIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = OpportunityIndexPage(
            title="Opportunities",
            slug="opportunities",
            intro=(
                "Coaching and mentoring, co-production projects, advisory groups, "
                "research and events. Each one says plainly what is involved, what is "
                "paid and what support you get."
            ),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _demo_closing(days):
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(17, 0)))


def ensure_opportunity(index, item):
    from decimal import Decimal

    from home.models.snippets import Region
    from members.models import OpportunityPage

    closes_at = _demo_closing(item["closes_in"])
    fields = {
        "title": item["title"],
        "summary": item["summary"],
        "opportunity_type": item["opportunity_type"],
        "organisation": item["organisation"],
        "format": item["format"],
        "location": item["location"],
        "places": item["places"],
        "audience": item.get("audience", "everyone"),
        "time_commitment": item["time_commitment"],
        "frequency": item["frequency"],
        "duration": item["duration"],
        "payment_amount": Decimal(item["payment_amount"])
        if item["payment_amount"]
        else None,
        "payment_unit": item["payment_unit"],
        "contact_name": item["contact_name"],
        "accessibility": item["accessibility"],
        "closes_at": closes_at,
        **{
            f"expenses_{name}": name in item["expenses"]
            for name in ("travel", "care", "support_worker", "internet")
        },
        "support_training": "training" in item["support"],
        "support_pre_meetings": "pre_meetings" in item["support"],
    }
    body = [("paragraph", f"<p>{item['body']}</p>")]
    regions = list(Region.objects.filter(slug__in=item["regions"]))
    page = OpportunityPage.objects.filter(slug=item["slug"]).first()
    if page is None:
        page = OpportunityPage(slug=item["slug"], body=body, **fields)
        page.allow_past_closing = True
        page.regions = regions
        index.add_child(instance=page)
        page.save_revision().publish()
        return page
    changed = any(getattr(page, name) != value for name, value in fields.items())
    changed |= {r.pk for r in page.regions.all()} != {r.pk for r in regions}
    if changed:
        # Keep the stored closing date in step so model validation accepts a past date.
        OpportunityPage.objects.filter(pk=page.pk).update(closes_at=closes_at)
        for name, value in fields.items():
            setattr(page, name, value)
        page.regions = regions
        page.allow_past_closing = True
        page.save_revision().publish()
    return page


DEMO_ANSWERS = {
    "why_interested": (
        "I have cared for my dad for eight years and know how much it matters when "
        "services listen. I would like to help others be heard."
    ),
    "experience": "I have spoken at two carers' forums in my area.",
    "availability": "Weekday afternoons; not Fridays.",
}

# The staff review steps that take a submitted interest to each demo status.
REVIEW_STEPS = {
    "submitted": [],
    "waiting_list": [],
    "shortlisted": ["shortlisted"],
    "offered": ["shortlisted", "offered"],
    "accepted": ["shortlisted", "offered"],
}


def ensure_demo_interests(pages):
    """Each demo interest is made as a member makes one and moved by staff's review steps,
    so the demo passes through the same service, workflow, history and emails. The
    accepted place is taken first, so the next person finds the panel full and joins its
    waiting list the way anyone would."""
    from members.models import ExpressionOfInterest, OpportunityPage
    from members.opportunities import services

    staff = User.objects.filter(email="staff@example.org").first()
    for email, slug, status in sorted(
        DEMO_INTERESTS, key=lambda row: row[2] != "accepted"
    ):
        member = User.objects.filter(email=email).first()
        # Read afresh, as each request would: a page object keeps the places it counted.
        opportunity = OpportunityPage.objects.get(pk=pages[slug].pk)
        if member is None or staff is None:
            continue
        if ExpressionOfInterest.objects.filter(
            opportunity=opportunity, member=member
        ).exists():
            continue
        interest, _ = services.submit_interest(
            member, opportunity, DEMO_ANSWERS, waiting_list=True
        )
        for step in REVIEW_STEPS[status]:
            interest = services.change_status(interest, step, staff)
        if status == "accepted":
            services.respond_to_offer(interest, True, member)
