"""Programme staff triage enquiries in the admin; editors and members see none (AC-6)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from post_office import mail
from post_office.models import STATUS, Email, Log

from members.models import Enquiry
from tests.factories import UserFactory
from tests.factories.enquiries import EnquiryFactory
from website import activity

INDEX = "/admin/members/enquiry/"
XSS = '"><img src=x onerror=alert(1)><script>alert(1)</script>{{ 7|add:7 }}'


def inspect_url(enquiry):
    return f"/admin/members/enquiry/inspect/{enquiry.pk}/"


@pytest.fixture
def enquiry(db):
    return EnquiryFactory(full_name="Priya Shah", organisation="Example Council")


@pytest.fixture
def failed_email(db):
    email = mail.send(
        "someone@example.org",
        "no-reply@example.org",
        subject="We have received your enquiry (ENQ-2026-09999)",
        message="x",
        priority="medium",
    )
    Email.objects.filter(pk=email.pk).update(status=STATUS.failed, number_of_retries=5)
    Log.objects.create(
        email=email,
        status=STATUS.failed,
        exception_type="SMTPServerDisconnected",
        message="Connection unexpectedly closed",
    )
    return email


def protected_requests(enquiry, failed_email):
    return [
        ("get", INDEX, {}),
        ("get", INDEX + "?export=csv", {}),
        ("get", INDEX + "?export=xlsx", {}),
        ("get", inspect_url(enquiry), {}),
        ("post", inspect_url(enquiry), {"action": "status", "status": "in_progress"}),
        ("post", inspect_url(enquiry), {"action": "note", "text": "hello"}),
        ("get", reverse("outbox"), {}),
        ("post", reverse("outbox_retry", args=[failed_email.pk]), {}),
    ]


def test_editor_gets_403_on_every_enquiry_url(client, editor, enquiry, failed_email):
    client.force_login(editor)
    for method, url, data in protected_requests(enquiry, failed_email):
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, (method, url)
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.notes.count() == 0
    assert Email.objects.get(pk=failed_email.pk).status == STATUS.failed


def test_member_and_anonymous_cannot_reach_enquiries(
    client, member, enquiry, failed_email
):
    for user in (None, member):
        if user:
            client.force_login(user)
        for method, url, data in protected_requests(enquiry, failed_email):
            response = getattr(client, method)(url, data)
            assert response.status_code in (302, 403), (user, method, url)
            if response.status_code == 302:
                # Anonymous visitors sign in; signed-in members go to their portal.
                expected = "/portal/" if user else "/accounts/login/"
                assert response["Location"].startswith(expected), (user, url)
    assert enquiry.notes.count() == 0


def test_editor_menu_lacks_enquiries_staff_menu_has_it(client, editor, staff):
    client.force_login(editor)
    assert "Enquiries" not in client.get("/admin/").content.decode()
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert "Enquiries" in html
    assert "Email outbox" in html


def test_staff_cannot_create_edit_or_delete_enquiries(client, staff, enquiry):
    client.force_login(staff)
    for url in (
        "/admin/members/enquiry/create/",
        f"/admin/members/enquiry/edit/{enquiry.pk}/",
        f"/admin/members/enquiry/delete/{enquiry.pk}/",
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {"full_name": "changed"}).status_code == 403
    enquiry.refresh_from_db()
    assert enquiry.full_name == "Priya Shah"


def test_staff_list_shows_enquiries_hides_spam_until_filtered(client, staff, enquiry):
    spam = EnquiryFactory(status=Enquiry.Status.SPAM, organisation="Cheap Pills Ltd")
    client.force_login(staff)
    html = client.get(INDEX).content.decode()
    assert enquiry.reference in html
    assert "Example Council" in html
    assert spam.reference not in html
    html = client.get(INDEX + "?status__exact=spam").content.decode()
    assert spam.reference in html
    assert enquiry.reference not in html


def test_staff_can_search_and_filter(client, staff):
    first = EnquiryFactory(email="zara@nhs.example", organisation="North Trust")
    second = EnquiryFactory(enquiry_type="mentoring", organisation="South Council")
    client.force_login(staff)
    html = client.get(INDEX + "?q=zara@nhs").content.decode()
    assert first.reference in html and second.reference not in html
    html = client.get(INDEX + f"?q={second.reference}").content.decode()
    assert second.reference in html and first.reference not in html
    html = client.get(INDEX + "?enquiry_type__exact=mentoring").content.decode()
    assert second.reference in html and first.reference not in html


def test_listing_queries_do_not_grow_with_data(
    client, staff, django_assert_max_num_queries
):
    assignee = UserFactory(groups=["Programme staff"])
    client.force_login(staff)
    EnquiryFactory.create_batch(3, assignee=assignee)
    client.get(INDEX)
    with django_assert_max_num_queries(30) as few:
        client.get(INDEX)
    EnquiryFactory.create_batch(40, assignee=assignee)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(INDEX)
    assert response.status_code == 200


def test_markup_in_an_enquiry_is_shown_escaped(client, staff):
    enquiry = EnquiryFactory(
        full_name=XSS, organisation=XSS, message=XSS, job_title=XSS, access_needs=XSS
    )
    client.force_login(staff)
    for url in (INDEX, inspect_url(enquiry)):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "<img src=x onerror" not in html
        assert "&lt;script&gt;" in html
        assert "14" not in html.split("7|add:7")[0][-5:]


def test_staff_moves_status_along_the_workflow(client, staff, enquiry):
    client.force_login(staff)
    response = client.post(
        inspect_url(enquiry), {"action": "status", "status": "in_progress"}
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.IN_PROGRESS
    # Skipping straight back to "new" is not a workflow move.
    response = client.post(inspect_url(enquiry), {"action": "status", "status": "new"})
    assert response.status_code == 200
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.IN_PROGRESS
    client.post(inspect_url(enquiry), {"action": "status", "status": "matched"})
    client.post(inspect_url(enquiry), {"action": "status", "status": "closed"})
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.CLOSED
    assert enquiry.closed_at is not None
    history = [
        (line.label, line.actor_name)
        for line in activity.history(enquiry)
        if line.verb == "status"
    ]
    assert history == [
        ("Status changed from New to In progress", "Sam " + staff.last_name),
        ("Status changed from In progress to Matched", "Sam " + staff.last_name),
        ("Status changed from Matched to Closed", "Sam " + staff.last_name),
    ]


def test_staff_assigns_only_programme_staff(client, staff, member, enquiry):
    colleague = UserFactory(
        email="colleague@example.org", first_name="Cal", groups=["Programme staff"]
    )
    client.force_login(staff)
    client.post(inspect_url(enquiry), {"action": "assign", "assignee": colleague.pk})
    enquiry.refresh_from_db()
    assert enquiry.assignee == colleague
    response = client.post(
        inspect_url(enquiry), {"action": "assign", "assignee": member.pk}
    )
    assert response.status_code == 200
    enquiry.refresh_from_db()
    assert enquiry.assignee == colleague
    html = client.get(inspect_url(enquiry)).content.decode()
    assert "Assigned to Cal" in html


def test_staff_adds_a_note_with_author_and_time(client, staff, enquiry):
    client.force_login(staff)
    response = client.post(
        inspect_url(enquiry), {"action": "note", "text": "Called back <b>today</b>"}
    )
    assert response.status_code == 302
    note = enquiry.notes.get()
    assert note.author == staff
    assert note.created_at is not None
    html = client.get(inspect_url(enquiry)).content.decode()
    assert "Called back &lt;b&gt;today&lt;/b&gt;" in html
    assert "Note added" in html
    empty = client.post(inspect_url(enquiry), {"action": "note", "text": ""})
    assert "Enter the note" in empty.content.decode()
    huge = client.post(inspect_url(enquiry), {"action": "note", "text": "x" * 100_000})
    assert huge.status_code == 200
    assert enquiry.notes.count() == 1


def test_csv_export_neutralises_formulas_and_follows_filters(client, staff):
    EnquiryFactory(
        full_name='=HYPERLINK("http://evil.example")',
        organisation="+cmd",
        message="@SUM(1)",
        job_title="-2+3",
    )
    EnquiryFactory(status=Enquiry.Status.CLOSED, full_name="Closed Person")
    client.force_login(staff)
    response = client.get(INDEX + "?export=csv&status__exact=new")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 1
    row = rows[0]
    assert row["Full Name"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Organisation"] == "'+cmd"
    assert row["Message"] == "'@SUM(1)"
    assert row["Job Title"] == "'-2+3"


def test_csv_export_shows_labels_and_leaves_empty_cells_empty(client, staff):
    EnquiryFactory(full_name="Priya Shah", phone="", job_title="", heard_about="")
    client.force_login(staff)
    body = b"".join(client.get(INDEX + "?export=csv").streaming_content).decode()
    (row,) = list(csv.DictReader(io.StringIO(body)))
    assert row["Status"] == "New"
    assert row["Phone"] == ""
    assert row["Job Title"] == ""
    assert row["Assignee"] == ""
    assert "'-" not in body
    assert row["Full Name"] == "Priya Shah"


def test_xlsx_export_stores_formulas_as_text(client, staff):
    EnquiryFactory(full_name="=1+1", organisation="@evil")
    client.force_login(staff)
    response = client.get(INDEX + "?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'=1+1" in [cell.value for cell in cells]


def test_dashboard_panel_shows_this_weeks_enquiries_to_staff_only(
    client, staff, editor
):
    EnquiryFactory.create_batch(2)
    EnquiryFactory(status=Enquiry.Status.SPAM)
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert "Enquiries this week" in html
    assert "2 enquiries received since Monday" in html
    client.force_login(editor)
    assert "Enquiries this week" not in client.get("/admin/").content.decode()


def test_staff_see_failed_mail_and_retry_it(client, staff, failed_email):
    client.force_login(staff)
    html = client.get(reverse("outbox")).content.decode()
    assert "ENQ-2026-09999" in html
    assert "SMTPServerDisconnected" in html
    response = client.post(reverse("outbox_retry", args=[failed_email.pk]))
    assert response.status_code == 302
    failed_email.refresh_from_db()
    assert failed_email.status == STATUS.queued
    assert (
        client.get(reverse("outbox_retry", args=[failed_email.pk])).status_code == 405
    )


def test_inspect_view_lists_the_enquirys_emails(client, staff, enquiry):
    mail.send(
        "x@example.org",
        "no-reply@example.org",
        subject=f"New enquiry {enquiry.reference}",
        message="x",
        priority="medium",
    )
    client.force_login(staff)
    html = client.get(inspect_url(enquiry)).content.decode()
    assert f"New enquiry {enquiry.reference}" in html
    assert "queued" in html


def test_page_editor_offers_only_programme_staff_as_recipients(
    client, superuser, staff, editor, member, home_page
):
    from tests.factories.enquiries import make_enquiry_page

    page = make_enquiry_page(home_page)
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="notify_staff"' in html
    assert f'value="{staff.pk}"' in html
    assert f'name="notify_staff" value="{editor.pk}"' not in html
    assert f'name="notify_staff" value="{member.pk}"' not in html
    assert "to_address" not in html
