"""Factories for enquiries and the enquiry page; fixed values where tests read them."""

import uuid

import factory
from django.utils import timezone

from members.models import Enquiry, EnquiryPage


class EnquiryFactory(factory.django.DjangoModelFactory):
    """A stored enquiry; the reference is unique per instance."""

    class Meta:
        model = Enquiry

    reference = factory.Sequence(lambda n: f"ENQ-2026-{n + 90000:05d}")
    submission_token = factory.LazyFunction(uuid.uuid4)
    full_name = "Priya Shah"
    email = factory.Sequence(lambda n: f"leader{n}@example.org")
    job_title = "Director of Adult Social Care"
    organisation = "Example County Council"
    organisation_type = "local_authority"
    enquiry_type = "coaching"
    message = "Please can we talk about coaching?"
    consented_at = factory.LazyFunction(timezone.now)
    status = Enquiry.Status.NEW


def make_enquiry_page(home_page, **kwargs):
    """The enquiry page at /enquire/ under the given home page (once per test)."""
    page = EnquiryPage.objects.first()
    if page is None:
        page = EnquiryPage(title="Make an enquiry", slug="enquire", **kwargs)
        home_page.add_child(instance=page)
        page.save_revision().publish()
    return page
