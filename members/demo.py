"""Demo accounts and member data, built idempotently by `manage.py load_demo`."""

from django.conf import settings
from django.contrib.auth.models import Group

from members.models import User

DEMO_ACCOUNTS = [
    # email, first name, last name, groups
    ("editor@example.org", "Esme", "Editor", ["Editors", "Moderators"]),
    ("staff@example.org", "Sam", "Staff", ["Programme staff"]),
    ("member@example.org", "Morgan", "Member", ["Members"]),
    ("cochair@example.org", "Cass", "Cochair", ["Members"]),
]


def load():
    load_accounts()
    load_profiles()
    load_enquiries()
    load_opportunities()
    load_pairings()


def load_accounts():
    for email, first, last, groups in DEMO_ACCOUNTS:
        ensure_account(email, first, last, groups)


def ensure_account(email, first_name, last_name, group_names):
    """Create or reset a demo account; the password is always DEMO_PASSWORD afterwards."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email)
    user.first_name = first_name
    user.last_name = last_name
    user.is_active = True
    if not user.check_password(settings.DEMO_PASSWORD):
        user.set_password(settings.DEMO_PASSWORD)
    user.save()
    user.groups.set(Group.objects.filter(name__in=group_names))
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def load_profiles():
    """Profiles for the demo member and co-chair, a pending application, an open invitation."""
    from home.models import Region
    from members.accounts.choices import MemberType
    from members.accounts.profiles import PRIVACY_NOTICE_VERSION
    from members.models import MemberProfile

    west_midlands = Region.objects.get(slug="west-midlands")
    for email, preferred, defaults in DEMO_PROFILES:
        user = User.objects.get(email__iexact=email)
        if preferred and user.preferred_name != preferred:
            user.preferred_name = preferred
            user.save(update_fields=["preferred_name"])
        profile, _ = MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "member_type": MemberType.LIVED_EXPERIENCE_PARTNER,
                "region": west_midlands,
                "privacy_notice_version": PRIVACY_NOTICE_VERSION,
                **defaults,
            },
        )
        if not profile.privacy_notice_accepted_at:
            profile.privacy_notice_accepted_at = user.date_joined
            profile.save(update_fields=["privacy_notice_accepted_at"])
    ensure_demo_application(west_midlands)
    ensure_demo_invitation()


DEMO_PROFILES = [
    (
        "member@example.org",
        "Morgan",
        {
            "pronouns": "they/them",
            "interests": ["coaching", "coproduction", "events"],
            "bio": (
                "I have lived with type 1 diabetes for twenty years and like helping "
                "services see appointments from the patient's side of the desk."
            ),
            "communication_preferences": ["email", "large_print"],
        },
    ),
    (
        "cochair@example.org",
        "Cass",
        {
            "pronouns": "she/her",
            "interests": ["networks", "coproduction", "research"],
            "bio": (
                "Unpaid carer for my dad and co-chair of the West Midlands network. "
                "I want every leader in the region to hear from carers early."
            ),
            "communication_preferences": ["email", "phone"],
        },
    ),
]


def ensure_demo_application(region):
    """One application waiting for staff, so the admin list is not empty."""
    from members.accounts.profiles import PRIVACY_NOTICE_VERSION
    from members.models import Application

    Application.objects.update_or_create(
        email="applicant@example.org",
        defaults={
            "name": "Priya Applicant",
            "member_type": "partner",
            "region": region,
            "reason": (
                "I care for my son, who has a learning disability, and I would like to "
                "help health and care leaders plan services with families, not for them."
            ),
            "privacy_notice_version": PRIVACY_NOTICE_VERSION,
            "status": "pending",
        },
    )


def ensure_demo_invitation():
    """One open invitation (its link is not shown: the token is stored only as a hash)."""
    from django.utils import timezone

    from members.accounts.invitations import default_expiry
    from members.models import Invitation

    invitation = Invitation.objects.filter(email="invited@example.org").first()
    if invitation is None:
        invitation = Invitation(email="invited@example.org", member_type="partner")
        invitation.new_token()
    invitation.accepted_at = None
    invitation.revoked_at = None
    if invitation.expires_at is None or invitation.expires_at <= timezone.now():
        invitation.expires_at = default_expiry()
    invitation.save()


def load_enquiries():
    """The enquiry page at /enquire/ and a handful of enquiries in different statuses."""
    page = ensure_enquiry_page()
    ensure_demo_enquiries(page)


DEMO_ENQUIRIES = [
    # reference, name, email, job title, organisation, organisation type, region slug,
    # enquiry type, status, message
    (
        "ENQ-2026-00001",
        "Priya Shah",
        "priya.shah@example.org",
        "Director of Adult Social Care",
        "Example County Council",
        "local_authority",
        "west-midlands",
        "coaching",
        "new",
        "I would like a Lived Experience Partner to coach me through our new carers "
        "strategy, with a first conversation in the new year if possible.",
    ),
    (
        "ENQ-2026-00002",
        "Tom Okafor",
        "tom.okafor@example.org",
        "Chief Nurse",
        "Example Integrated Care Board",
        "icb",
        "north-west",
        "coproduction",
        "in_progress",
        "Our board wants co-production written into how we commission community "
        "services. Could someone help us plan the first six months?",
    ),
    (
        "ENQ-2026-00003",
        "Helen Ward",
        "helen.ward@example.org",
        "Chief Executive",
        "Example Carers Trust",
        "voluntary",
        "west-midlands",
        "network",
        "matched",
        "We support unpaid carers across the region and would like to join the "
        "regional co-production network's next meeting.",
    ),
    (
        "ENQ-2026-00004",
        "Ade Bello",
        "ade.bello@example.org",
        "Deputy Director of Strategy",
        "Example NHS Foundation Trust",
        "nhs_provider",
        "london",
        "mentoring",
        "closed",
        "I am new in post and would value mentoring from someone who lives with a "
        "long-term condition.",
    ),
]


def ensure_enquiry_page():
    """Create /enquire/ under the home page once; later runs leave editors' changes alone."""
    from home.models import HomePage
    from members.models import EnquiryPage

    page = EnquiryPage.objects.first()
    if page is not None:
        return page
    home = HomePage.objects.first()
    if home is None:
        return None
    page = EnquiryPage(
        title="Make an enquiry",
        slug="enquire",
        seo_title="Make an enquiry: coaching, mentoring and co-production support",
        search_description=(
            "Ask for 1-to-1 coaching with a Lived Experience Partner, mentoring, or help "
            "to embed co-production in your organisation."
        ),
        intro=(
            "<p>If you lead a health or social care organisation, you can ask us for "
            "1-to-1 coaching with a Lived Experience Partner, for mentoring, or for help "
            "to build co-production into how your organisation or system works.</p>"
            "<p>It takes about 5 minutes. We reply within five working days.</p>"
        ),
        thank_you_text=(
            "<ol><li>We will email you a confirmation with your reference.</li>"
            "<li>Someone from the programme team will read your enquiry and reply within "
            "five working days.</li>"
            "<li>If it suits you, we will arrange a first conversation, with any access "
            "needs you told us about.</li></ol>"
        ),
        privacy_note=(
            "<p>We use your details only to reply to this enquiry and arrange support. "
            "We keep them for two years after your enquiry is closed, then remove them.</p>"
        ),
    )
    page.privacy_page = home.get_children().filter(slug="privacy").first()
    page.easy_read_page = home.get_children().filter(slug="enquiry-easy-read").first()
    home.add_child(instance=page)
    page.save_revision().publish()
    if page.easy_read_page is not None:  # its Easy Read version links back to the form
        easy_read = page.easy_read_page.specific
        easy_read.original_page = page
        easy_read.save_revision().publish()
    staff = User.objects.filter(email="staff@example.org").first()
    if staff:
        page.notify_staff.set([staff])
        page.save_revision().publish()
    return page


def ensure_demo_enquiries(page):
    """Demo enquiries keyed by reference, so a second run changes nothing."""
    from datetime import timedelta

    from django.utils import timezone

    from home.models.snippets import Region
    from members.models import Enquiry, EnquiryCounter
    from website import activity

    regions = {region.slug: region for region in Region.objects.all()}
    staff = User.objects.filter(email="staff@example.org").first()
    for index, row in enumerate(DEMO_ENQUIRIES):
        (
            reference,
            name,
            email,
            title,
            org,
            org_type,
            region_slug,
            kind,
            status,
            text,
        ) = row
        if Enquiry.objects.filter(reference=reference).exists():
            continue
        region = regions.get(region_slug)
        enquiry = Enquiry.objects.create(
            reference=reference,
            page=page,
            full_name=name,
            email=email,
            job_title=title,
            organisation=org,
            organisation_type=org_type,
            region=region,
            region_name=region.name if region else "",
            enquiry_type=kind,
            message=text,
            consented_at=timezone.now(),
            status=status,
            assignee=staff if status != "new" else None,
            closed_at=timezone.now() if status == "closed" else None,
            created_at=timezone.now() - timedelta(days=2 * index + 1),
        )
        activity.record(enquiry, verb="received", note="Demo enquiry")
    year = int(DEMO_ENQUIRIES[-1][0].split("-")[1])
    counter, _ = EnquiryCounter.objects.get_or_create(year=year)
    if counter.last_number < len(DEMO_ENQUIRIES):
        counter.last_number = len(DEMO_ENQUIRIES)
        counter.save()


# --- Opportunities (issue 6) ----------------------------------------------------------

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


def load_opportunities():
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


def ensure_demo_interests(pages):
    from members.models import ExpressionOfInterest
    from website import activity

    staff = User.objects.filter(email="staff@example.org").first()
    for email, slug, status in DEMO_INTERESTS:
        member = User.objects.filter(email=email).first()
        if member is None:
            continue
        interest, created = ExpressionOfInterest.objects.get_or_create(
            opportunity=pages[slug],
            member=member,
            defaults={
                "status": status,
                "why_interested": (
                    "I have cared for my dad for eight years and know how much it "
                    "matters when services listen. I would like to help others be heard."
                ),
                "experience": "I have spoken at two carers' forums in my area.",
                "availability": "Weekday afternoons; not Fridays.",
            },
        )
        if created:
            activity.record(
                interest,
                by=member,
                verb="status",
                to_state="waiting_list" if status == "waiting_list" else "submitted",
                visibility=activity.PARTICIPANTS,
            )
            if status not in ("submitted", "waiting_list"):
                activity.record(
                    interest,
                    by=staff,
                    verb="status",
                    from_state="submitted",
                    to_state=status,
                    visibility=activity.PARTICIPANTS,
                )


# --- Coaching and mentoring pairings (issue 8) ----------------------------------------

DEMO_PARTNERS = [
    # email, first, last, region slug, interests, capacity, accepting, bio
    (
        "partner@example.org",
        "Jo",
        "Partner",
        "west-midlands",
        ["coaching", "coproduction"],
        3,
        True,
        "I have lived with multiple sclerosis for fifteen years and cared for my mum. "
        "I help leaders hear what a service feels like from the other side.",
    ),
    (
        "amira.partner@example.org",
        "Amira",
        "Hassan",
        "north-west",
        ["coaching", "research"],
        2,
        True,
        "Unpaid carer for my brother, who has a learning disability. Former school "
        "governor; I like plain questions and honest answers.",
    ),
    (
        "dev.partner@example.org",
        "Dev",
        "Sharma",
        "london",
        ["coaching"],
        1,
        False,
        "I live with long COVID and a heart condition, and I have sat on two patient "
        "panels for my local trust.",
    ),
]

# reference, leader email, leader name, role, organisation, organisation type, region,
# partner email, pairing status, days since the enquiry arrived, focus
DEMO_PAIRINGS = [
    (
        "ENQ-2025-00901",
        "leader@example.org",
        "Lee Leader",
        "Director of Nursing",
        "Example Integrated Care Board",
        "icb",
        "west-midlands",
        "partner@example.org",
        "active",
        70,
        "Making discharge planning something families shape, not something done to "
        "them; and how to hear carers before decisions are made.",
    ),
    (
        "ENQ-2025-00902",
        "sana.begum@example.org",
        "Sana Begum",
        "Chief Executive",
        "Example Community Health Trust",
        "nhs_provider",
        "west-midlands",
        "partner@example.org",
        "completed",
        200,
        "Building lived experience into the board's quality reports.",
    ),
    (
        "ENQ-2025-00903",
        "olu.adeyemi@example.org",
        "Olu Adeyemi",
        "Assistant Director of Commissioning",
        "Example City Council",
        "local_authority",
        "north-west",
        "amira.partner@example.org",
        "partner_invited",
        12,
        "Commissioning short breaks for carers with carers in the room.",
    ),
    (
        "ENQ-2025-00904",
        "grace.lee@example.org",
        "Grace Lee",
        "Head of Patient Experience",
        "Example Hospitals Trust",
        "nhs_provider",
        "london",
        "dev.partner@example.org",
        "proposed",
        5,
        "Turning complaints data into changes people can see.",
    ),
    (
        "ENQ-2025-00905",
        "rob.evans@example.org",
        "Rob Evans",
        "Director of Adult Social Care",
        "Example Borough Council",
        "local_authority",
        "north-west",
        "amira.partner@example.org",
        "partner_declined",
        20,
        "Co-producing the council's new approach to assessments.",
    ),
    (
        "ENQ-2025-00906",
        "kim.ng@example.org",
        "Kim Ng",
        "Clinical Director",
        "Example Primary Care Network",
        "nhs_provider",
        "west-midlands",
        "partner@example.org",
        "paused",
        110,
        "Involving people with long-term conditions in redesigning reviews.",
    ),
    (
        "ENQ-2025-00907",
        "alex.price@example.org",
        "Alex Price",
        "Director of Strategy",
        "Example Care Alliance",
        "voluntary",
        "london",
        "amira.partner@example.org",
        "ended_early",
        150,
        "Setting up a lived experience advisory group.",
    ),
]


def load_pairings():
    """Demo partners, the leader, and a pairing in each main state (idempotent)."""
    from home.models.snippets import Region
    from members.accounts.choices import MemberType
    from members.coaching.models import PartnerAvailability
    from members.models import MemberProfile

    regions = {region.slug: region for region in Region.objects.all()}
    for (
        email,
        first,
        last,
        region,
        interests,
        capacity,
        accepting,
        bio,
    ) in DEMO_PARTNERS:
        user = ensure_account(email, first, last, ["Members"])
        MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "member_type": MemberType.LIVED_EXPERIENCE_PARTNER,
                "region": regions.get(region),
                "interests": interests,
                "bio": bio,
            },
        )
        PartnerAvailability.objects.update_or_create(
            user=user,
            defaults={
                "capacity": capacity,
                "accepting": accepting,
                "experience_areas": ["coaching", "mentoring"],
            },
        )
    leader = ensure_account("leader@example.org", "Lee", "Leader", [])
    MemberProfile.objects.update_or_create(
        user=leader,
        defaults={
            "member_type": MemberType.LEADER,
            "region": regions.get("west-midlands"),
            "organisation": "Example Integrated Care Board",
        },
    )
    for row in DEMO_PAIRINGS:
        ensure_demo_pairing(row, regions)


def ensure_demo_pairing(row, regions):
    from datetime import timedelta
    from decimal import Decimal

    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from members.accounts.choices import MemberType
    from members.coaching.models import (
        ExpenseClaim,
        Pairing,
        PairingPartner,
        PairingSession,
        Reflection,
    )
    from members.models import Enquiry, MemberProfile
    from website import activity

    (
        reference,
        email,
        name,
        role,
        org,
        org_type,
        region_slug,
        partner_email,
        status,
        days,
        focus,
    ) = row
    if Pairing.objects.filter(enquiry__reference=reference).exists():
        return
    S = Pairing.Status
    now = timezone.now()
    region = regions.get(region_slug)
    staff = User.objects.filter(email="staff@example.org").first()
    partner = User.objects.get(email=partner_email)
    introduced = status in (S.ACTIVE, S.PAUSED, S.COMPLETED, S.ENDED_EARLY)
    matched = introduced or status == S.PARTNER_ACCEPTED
    enquiry, _ = Enquiry.objects.get_or_create(
        reference=reference,
        defaults={
            "full_name": name,
            "email": email,
            "job_title": role,
            "organisation": org,
            "organisation_type": org_type,
            "region": region,
            "region_name": region.name if region else "",
            "enquiry_type": "coaching",
            "message": focus,
            "consented_at": now - timedelta(days=days),
            "created_at": now - timedelta(days=days),
            "status": "matched" if matched else "in_progress",
            "assignee": staff,
        },
    )
    leader = None
    if introduced:
        leader = User.objects.filter(email__iexact=email).first()
        if leader is None:
            first, _, last = name.partition(" ")
            leader = User(email=email, first_name=first, last_name=last)
            leader.set_unusable_password()
            leader.save()
            EmailAddress.objects.get_or_create(
                user=leader, email=email, defaults={"verified": True, "primary": True}
            )
        MemberProfile.objects.get_or_create(
            user=leader, defaults={"member_type": MemberType.LEADER, "region": region}
        )
    introduced_at = enquiry.created_at + timedelta(days=min(days - 1, 14))
    pairing = Pairing.objects.create(
        enquiry=enquiry,
        leader=leader,
        status=status,
        leader_role=role,
        organisation_type=org_type,
        region=region,
        region_name=region.name if region else "",
        focus=focus,
        enquiry_received_at=enquiry.created_at,
        created_at=enquiry.created_at + timedelta(days=1),
        created_by=staff,
        matched_at=enquiry.created_at + timedelta(days=7) if matched else None,
        introduced_at=introduced_at if introduced else None,
        ended_at=now - timedelta(days=3)
        if status in (S.COMPLETED, S.ENDED_EARLY)
        else None,
        end_reason="The leader moved to a new role." if status == S.ENDED_EARLY else "",
    )
    row_status = {
        S.PROPOSED: PairingPartner.Status.PROPOSED,
        S.PARTNER_INVITED: PairingPartner.Status.INVITED,
        S.PARTNER_DECLINED: PairingPartner.Status.DECLINED,
    }.get(status, PairingPartner.Status.ACCEPTED)
    PairingPartner.objects.create(
        pairing=pairing,
        partner=partner,
        status=row_status,
        proposed_at=pairing.created_at,
        invited_at=pairing.created_at if status != S.PROPOSED else None,
        responded_at=pairing.created_at + timedelta(days=2)
        if row_status in ("accepted", "declined")
        else None,
        decline_reason="I am not able to take on anyone new until the spring."
        if status == S.PARTNER_DECLINED
        else "",
        match_reasons="Demo pairing",
    )
    line = activity.record(
        pairing,
        by=staff,
        verb="demo_pairing_created",
        to_state=status,
        actor_role="staff",
    )
    line.created_at = pairing.created_at
    line.save(update_fields=["created_at"])
    if not introduced:
        return
    count = {S.ACTIVE: 3, S.PAUSED: 2, S.COMPLETED: 6, S.ENDED_EARLY: 1}[status]
    for index in range(count):
        session = PairingSession.objects.create(
            pairing=pairing,
            date=(introduced_at + timedelta(days=7 + 14 * index)).date(),
            duration_minutes=60 if index % 2 == 0 else 45,
            mode="online" if index % 3 else "in_person",
            recorded_by=partner if index % 2 == 0 else leader,
        )
        if partner_email == "partner@example.org" and index < 2:
            ExpenseClaim.objects.create(
                pairing=pairing,
                session=session,
                partner=partner,
                payment=pairing.session_payment,
                expenses=Decimal("12.40") if session.mode == "in_person" else 0,
                expenses_description="Return train fare"
                if session.mode == "in_person"
                else "",
                status="paid" if status == S.COMPLETED else "submitted",
                paid_at=now if status == S.COMPLETED else None,
            )
    if status == S.COMPLETED:
        Reflection.objects.create(
            pairing=pairing,
            author=partner,
            role="partner",
            what_changed=(
                "The chief executive now asks for a person's story before the numbers "
                "at every board meeting."
            ),
            what_helped="Meeting in person first, then short calls every fortnight.",
            would_recommend="yes",
            quote_consent=True,
            shared_with_other_side=True,
        )


# --- End of coaching and mentoring pairings (issue 8).
