"""Demo enquiries: the /enquire/ page and a handful of enquiries in different statuses.

Run by `manage.py load_demo` through members.demo, after the accounts (the staff account is
notified and assigned); a second run changes nothing.
"""

from members.models import User


def load():
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
        # Direct, not services.submit_enquiry: it queues emails and cannot set a status.
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
