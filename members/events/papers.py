"""Papers and minutes: documents organisers add to an event, read through its page.

A paper is public (anyone who may open the event) or for members only. The file sits in the
default storage under a random name, outside the folder public media is served from, and is
downloaded only through `views.download_paper`, which asks `may_read` first. Organisers add
papers before the event and minutes after; people with a place can be told by email.

    paper, told = papers.add(event, upload=file, title="Agenda", kind=PaperKind.PAPER,
                             visibility=PaperVisibility.PUBLIC, by=request.user, tell=True)
"""

from django.db import transaction

from members.events import attendance, notifications
from members.events.models import (
    BookingStatus,
    Event,
    EventBooking,
    EventPaper,
    EventStatus,
    PaperVisibility,
)
from members.opportunities.permissions import is_member
from website import activity, roles, uploads

activity.register_verbs(
    {"paper_added": "Paper added", "paper_removed": "Paper removed"}
)

# Each event's papers: an agenda, slides, minutes and a few readings, not an archive.
MOST_PAPERS = 20
TOO_MANY = f"An event can have at most {MOST_PAPERS} papers. Remove one to add another."
NOT_STORED = uploads.STORAGE_FAILED


class PaperError(Exception):
    """Adding a paper refused, with a message for the organiser; nothing was changed."""


def can_manage(user, event):
    """Whoever may organise the event (mark its attendance) looks after its papers."""
    return attendance.can_mark(user, event)


def may_read(user, paper, *, organiser=None):
    """Public papers for anyone who may open the event; the rest for members and the
    event's organisers. `organiser` saves asking again when the caller knows."""
    if paper.visibility == PaperVisibility.PUBLIC:
        return True
    if is_member(user):
        return True
    return organiser if organiser is not None else can_manage(user, paper.event)


def for_page(user, event, *, organiser=None):
    """(papers this person may read, how many more only members may read): one query."""
    papers = list(EventPaper.objects.filter(event=event).order_by("kind", "pk"))
    if not papers:
        return [], 0
    if organiser is None:
        organiser = can_manage(user, event)
    readable = []
    for paper in papers:
        paper.event = event
        if may_read(user, paper, organiser=organiser):
            readable.append(paper)
    return readable, len(papers) - len(readable)


@transaction.atomic
def add(event, *, upload, title, kind, visibility, by, tell=False):
    """Store the paper (the file first, so a storage failure leaves no row) and record it;
    with `tell`, email everyone with a place that it is ready. Returns (paper, how many
    people were told)."""
    # The event row is locked so two organisers adding at once cannot pass the limit.
    Event.objects.select_for_update().filter(pk=event.pk).first()
    if EventPaper.objects.filter(event=event).count() >= MOST_PAPERS:
        raise PaperError(TOO_MANY)
    extension = upload.name.rsplit(".", 1)[-1].lower()
    paper = EventPaper(
        event=event,
        title=title,
        kind=kind,
        visibility=visibility,
        extension=extension,
        size=upload.size,
        uploaded_by=by,
    )
    try:
        paper.file.save(upload.name, upload, save=False)
    except OSError as error:
        raise PaperError(NOT_STORED) from error
    paper.save()
    activity.record(event, by=by, verb="paper_added", note=title)
    told = 0
    if tell and event.status == EventStatus.SCHEDULED:
        told = notifications.paper_ready(
            paper, _with_a_place(event, members_only=not paper.is_public)
        )
    return paper, told


def _with_a_place(event, *, members_only):
    """Confirmed bookings; for a members-only paper only members', as nobody else could
    open it from the email."""
    bookings = EventBooking.objects.filter(event=event, status=BookingStatus.CONFIRMED)
    if members_only:
        bookings = bookings.filter(user__groups__name=roles.MEMBERS)
    return list(bookings.select_related("user", "event").order_by("pk"))


@transaction.atomic
def remove(paper, *, by):
    """Delete the paper and, once the deletion is committed, its file."""
    name, storage = paper.file.name, paper.file.storage
    activity.record(paper.event, by=by, verb="paper_removed", note=paper.title)
    paper.delete()
    transaction.on_commit(lambda: storage.delete(name))
