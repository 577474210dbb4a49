"""Demo enquiries: the /enquire/ page and a handful of enquiries in different statuses.

Run by `manage.py load_demo` through members.demo, after the accounts (the staff account is
notified and assigned); a second run changes nothing.
"""

import uuid
from datetime import timedelta

from django.utils import timezone

from members.models import Enquiry, EnquiryPage, User


def load():
    """The enquiry page at /enquire/ and a handful of enquiries in different statuses."""
    page = ensure_enquiry_page()
    if page is not None:  # read back as a visitor's request would, not the edited copy
        ensure_demo_enquiries(EnquiryPage.objects.get(pk=page.pk))


DEMO_ENQUIRIES = [
    # name, email, job title, organisation, organisation type, region slug, enquiry type,
    # status, message (references are numbered by the service, in this order)
    (
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


def demo_token(email):
    """The same submission token on every run, so `submit_enquiry` itself makes a second
    run change nothing."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"voices-demo-enquiry:{email}")


# The staff steps from "new" to each demo status, through the enquiry workflow.
STEPS_TO = {
    "new": [],
    "in_progress": ["in_progress"],
    "matched": ["in_progress", "matched"],
    "closed": ["in_progress", "closed"],
}


def submit_demo_enquiry(page, *, days_ago, **data):
    """An enquiry made as a visitor makes one (reference, history, emails), dated
    `days_ago` because the service stamps the moment it runs. Returns (enquiry, created)."""
    from members.enquiries import services

    region = data.get("region")
    enquiry, created = services.submit_enquiry(
        page,
        {"consent": True, "region": region, **data},
        demo_token(data["email"]),
    )
    if created:
        when = timezone.now() - timedelta(days=days_ago)
        Enquiry.objects.filter(pk=enquiry.pk).update(created_at=when, consented_at=when)
        enquiry.created_at = enquiry.consented_at = when
    return enquiry, created


def ensure_demo_enquiries(page):
    """Each demo enquiry is submitted through the service and moved by staff through its
    workflow, so the demo passes the real checks, history and emails."""
    from home.models.snippets import Region
    from members.enquiries import services

    regions = {region.slug: region for region in Region.objects.all()}
    staff = User.objects.filter(email="staff@example.org").first()
    for index, row in enumerate(DEMO_ENQUIRIES):
        name, email, title, org, org_type, region_slug, kind, status, text = row
        enquiry, created = submit_demo_enquiry(
            page,
            days_ago=2 * index + 1,
            full_name=name,
            email=email,
            job_title=title,
            organisation=org,
            organisation_type=org_type,
            region=regions.get(region_slug),
            enquiry_type=kind,
            message=text,
        )
        if not created or staff is None:
            continue
        if STEPS_TO[status]:
            services.assign_enquiry(enquiry, staff, staff)
        for step in STEPS_TO[status]:
            enquiry = services.change_status(enquiry, step, staff)
