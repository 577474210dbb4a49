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
    from members.choices import MemberType
    from members.models import MemberProfile
    from members.models.profiles import PRIVACY_NOTICE_VERSION

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
    from members.models import Application
    from members.models.profiles import PRIVACY_NOTICE_VERSION

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

    from members.models import Invitation
    from members.models.invitations import default_expiry

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
    home.add_child(instance=page)
    page.save_revision().publish()
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
    from members.models import Enquiry, EnquiryCounter, EnquiryEvent

    regions = {region.slug: region for region in Region.objects.all()}
    staff = User.objects.filter(email="staff@example.org").first()
    for index, row in enumerate(DEMO_ENQUIRIES):
        (reference, name, email, title, org, org_type, region_slug, kind, status, text) = row
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
        EnquiryEvent.objects.create(
            enquiry=enquiry,
            action=EnquiryEvent.Action.RECEIVED,
            description="Demo enquiry",
        )
    year = int(DEMO_ENQUIRIES[-1][0].split("-")[1])
    counter, _ = EnquiryCounter.objects.get_or_create(year=year)
    if counter.last_number < len(DEMO_ENQUIRIES):
        counter.last_number = len(DEMO_ENQUIRIES)
        counter.save()


# --- Opportunities (issue 6) ----------------------------------------------------------
