"""The demo builds /enquire/ and a handful of enquiries, the same on every run."""

from members.enquiries import demo
from members.models import Enquiry, EnquiryPage


def test_demo_enquiries_are_idempotent(home_page, staff):
    demo.load()
    demo.load()
    page = EnquiryPage.objects.get()
    assert page.url == "/enquire/"
    assert page.live
    assert list(page.notify_staff.all()) == [staff]
    statuses = set(Enquiry.objects.values_list("status", flat=True))
    assert {"new", "in_progress", "matched", "closed"} <= statuses
    assert Enquiry.objects.count() == len(demo.DEMO_ENQUIRIES)


def test_demo_page_serves_the_form(client, home_page, staff):
    demo.load()
    response = client.get("/enquire/")
    assert response.status_code == 200
    assert "Send enquiry" in response.content.decode()
