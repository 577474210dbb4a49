"""Papers and minutes: organisers add them to an event, people read them from its page,
members-only ones stay with members, and bad files are refused with nothing stored
(members/events/papers.py)."""

import errno
from datetime import timedelta

import pytest
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from members.events import services
from members.events.demo import pdf
from members.events.models import EventBooking, EventPaper
from tests.factories.events import make_event
from tests.factories.users import UserFactory
from website import activity

pytestmark = pytest.mark.django_db

PDF = pdf(["Agenda", "1. Welcome"])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def upload(name="agenda.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def add(client, event, **fields):
    data = {
        "title": "Agenda",
        "kind": "paper",
        "visibility": "public",
        "file": upload(),
        **fields,
    }
    return client.post(f"/events/{event.slug}/papers/", data)


def download(client, paper):
    return client.get(paper.get_absolute_url())


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def event():
    return make_event(title="Planning the spring meetings")


def test_staff_add_a_public_paper_anyone_can_download_from_the_event_page(
    staff, event, home_page
):
    response = add(logged_in(staff), event)
    assert response.status_code == 302
    paper = EventPaper.objects.get(event=event)
    assert paper.title == "Agenda" and paper.extension == "pdf"
    assert paper.size == len(PDF)
    # Stored under a random name: the organiser's file name never reaches the storage.
    assert paper.file.name.startswith("event-papers/")
    assert "agenda" not in paper.file.name

    page = Client().get(event.get_absolute_url()).content.decode()
    assert 'id="papers"' in page and paper.get_absolute_url() in page
    got = download(Client(), paper)
    assert got.status_code == 200
    assert body(got) == PDF
    assert got["Content-Disposition"].startswith("attachment;")
    assert 'filename="agenda.pdf"' in got["Content-Disposition"]
    lines = [line.label for line in activity.history(event)]
    assert "Paper added" in lines


def test_members_only_minutes_are_for_members_and_organisers(
    staff, member, event, home_page
):
    add(logged_in(staff), event, title="Minutes", kind="minutes", visibility="members")
    minutes = EventPaper.objects.get(event=event)

    visitor_page = Client().get(event.get_absolute_url()).content.decode()
    assert minutes.get_absolute_url() not in visitor_page
    assert "1 more paper is for members" in visitor_page
    refused = download(Client(), minutes)
    assert refused.status_code == 302 and "/accounts/login/" in refused["Location"]

    outsider = UserFactory(email="leader@example.org")
    assert download(logged_in(outsider), minutes).status_code == 403

    member_page = logged_in(member).get(event.get_absolute_url()).content.decode()
    assert minutes.get_absolute_url() in member_page
    got = download(logged_in(member), minutes)
    assert got.status_code == 200 and body(got) == PDF
    assert "no-store" in got["Cache-Control"] and "private" in got["Cache-Control"]
    assert download(logged_in(staff), minutes).status_code == 200


def test_papers_of_a_members_only_event_are_hidden_from_visitors(staff, home_page):
    closed = make_event(audience="members")
    add(logged_in(staff), closed)
    paper = EventPaper.objects.get(event=closed)
    assert download(Client(), paper).status_code == 404


def test_only_organisers_add_or_remove_papers(member, staff, event):
    assert add(logged_in(member), event).status_code == 403
    assert not EventPaper.objects.exists()
    add(logged_in(staff), event)
    paper = EventPaper.objects.get()
    remove = f"/events/{event.slug}/papers/{paper.pk}/remove/"
    assert logged_in(member).post(remove).status_code == 403
    assert EventPaper.objects.filter(pk=paper.pk).exists()
    assert Client().post(remove).status_code == 302  # to sign in
    assert EventPaper.objects.filter(pk=paper.pk).exists()


def test_removing_a_paper_deletes_the_row_and_the_file(
    staff, event, home_page, django_capture_on_commit_callbacks
):
    client = logged_in(staff)
    add(client, event)
    paper = EventPaper.objects.get()
    storage, name = paper.file.storage, paper.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/{event.slug}/papers/{paper.pk}/remove/")
    assert response.status_code == 302
    assert not EventPaper.objects.exists()
    assert not storage.exists(name)
    assert download(Client(), paper).status_code == 404
    assert "Paper removed" in [line.label for line in activity.history(event)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agenda.exe", b"MZ\x90\x00", "Upload a PDF, Word"),
        ("agenda.html", b"<script>alert(1)</script>", "Upload a PDF, Word"),
        ("agenda", PDF, "Upload a PDF, Word"),
        (
            "agenda.pdf",
            b"<html><script>alert(1)</script>",
            "its contents are not a PDF",
        ),
        ("agenda.docx", PDF, "its contents are not a Word document"),
        ("agenda.pdf", b"", "The file you chose is empty"),
    ],
)
def test_wrong_or_hostile_files_are_refused_and_nothing_is_stored(
    staff, event, home_page, name, content, message
):
    response = add(logged_in(staff), event, file=upload(name, content))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert not EventPaper.objects.exists()


def test_a_file_over_ten_megabytes_is_refused(staff, event, home_page):
    big = PDF + b"0" * (10 * 1024 * 1024)
    response = add(logged_in(staff), event, file=upload("big.pdf", big))
    assert "larger than 10 MB" in response.content.decode()
    assert not EventPaper.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "Enter a title for the paper"),
        ({"title": "x" * 151}, "150 characters or fewer"),
        ({"kind": "secret"}, "Select a valid choice"),
        ({"visibility": "everyone-ever"}, "Select a valid choice"),
        ({"file": ""}, "Choose a file to upload"),
    ],
)
def test_missing_or_nonsense_fields_get_a_clear_message(
    staff, event, home_page, fields, message
):
    response = add(logged_in(staff), event, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPaper.objects.exists()


def test_hostile_titles_are_shown_as_text(staff, event, home_page):
    add(logged_in(staff), event, title="<script>alert('x')</script> Agenda")
    page = Client().get(event.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_people_with_a_place_are_told_when_asked(staff, member, event, mailoutbox):
    services.book(event, user=member)
    services.book(event, name="Vi Sitor", email="vi@example.org")
    call_command("run_outbox_worker", once=True)
    mailoutbox.clear()
    add(logged_in(staff), event, tell="on")
    call_command("run_outbox_worker", once=True)
    told = sorted(address for message in mailoutbox for address in message.to)
    assert told == ["member@example.org", "vi@example.org"]
    assert "Papers for Planning the spring meetings" in mailoutbox[0].subject
    assert "JOIN-SECRET" not in mailoutbox[0].body


def test_members_only_papers_are_announced_only_to_members(
    staff, member, event, mailoutbox
):
    services.book(event, user=member)
    services.book(event, name="Vi Sitor", email="vi@example.org")
    call_command("run_outbox_worker", once=True)
    mailoutbox.clear()
    add(logged_in(staff), event, visibility="members", kind="minutes", tell="on")
    call_command("run_outbox_worker", once=True)
    assert [message.to for message in mailoutbox] == [["member@example.org"]]
    assert mailoutbox[0].subject.startswith("Minutes for")


def test_nobody_is_told_unless_the_organiser_asks(staff, member, event, mailoutbox):
    services.book(event, user=member)
    call_command("run_outbox_worker", once=True)
    mailoutbox.clear()
    add(logged_in(staff), event)
    call_command("run_outbox_worker", once=True)
    assert mailoutbox == []


def test_an_event_holds_at_most_twenty_papers(staff, event, home_page):
    client = logged_in(staff)
    for number in range(20):
        add(client, event, title=f"Paper {number}")
    response = add(client, event, title="One too many")
    assert "at most 20 papers" in response.content.decode()
    assert EventPaper.objects.filter(event=event).count() == 20


def test_past_events_keep_their_minutes_findable(staff, member, home_page):
    past = make_event(
        title="Spring review",
        starts_at=timezone.now() - timedelta(days=10),
    )
    add(logged_in(staff), past, title="Minutes", kind="minutes")
    listing = Client().get("/events/past/").content.decode()
    assert "Spring review" in listing and "Minutes available" in listing
    page = Client().get(past.get_absolute_url()).content.decode()
    assert "Papers and minutes" in page and "Minutes" in page


def test_event_page_queries_do_not_grow_with_papers(
    staff, member, event, home_page, django_assert_max_num_queries
):
    client = logged_in(staff)
    add(client, event)
    reader = logged_in(member)
    reader.get(event.get_absolute_url())
    with django_assert_max_num_queries(25) as few:
        reader.get(event.get_absolute_url())
    # Read now: the requests below start afresh the log it is a slice of.
    budget = len(few.captured_queries)
    for number in range(8):
        add(client, event, title=f"Paper {number}", visibility="members")
    with django_assert_max_num_queries(budget):
        assert reader.get(event.get_absolute_url()).status_code == 200


def test_full_storage_is_a_clear_message_and_nothing_is_saved(
    staff, event, home_page, monkeypatch
):
    def refuse(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryStorage, "_save", refuse)
    response = add(logged_in(staff), event)
    assert response.status_code == 200
    assert "file storage for this site is full or unavailable" in (
        response.content.decode()
    )
    assert not EventPaper.objects.exists()
    assert "Paper added" not in [line.label for line in activity.history(event)]


def test_members_find_the_minutes_of_past_events_they_booked(staff, member, home_page):
    past = make_event(
        title="Winter review", starts_at=timezone.now() - timedelta(days=5)
    )
    EventBooking.objects.create(event=past, user=member, status="confirmed")
    portal = logged_in(member)
    assert "Read the minutes" not in portal.get("/portal/events/").content.decode()
    add(logged_in(staff), past, title="Minutes", kind="minutes", visibility="members")
    page = portal.get("/portal/events/").content.decode()
    assert f'href="{past.get_absolute_url()}#papers"' in page
    assert "Read the minutes" in page
