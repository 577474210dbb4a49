"""Enquiry business logic: store first, queue mail in the same transaction, triage, purge.

Views and the admin call these functions; they hold the rules so tests can call them directly.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from post_office.models import Email
from wagtail import hooks

from members.enquiries.models import (
    Enquiry,
    EnquiryCounter,
    EnquiryNote,
    EnquiryType,
    OrganisationType,
)
from members.enquiries.notifications import ENQUIRY_ACKNOWLEDGEMENT, ENQUIRY_RECEIVED
from members.enquiries.workflow import ENQUIRY_FLOW
from website import activity, audit, notify, roles
from website.dataexport import ExportSection, erases

logger = logging.getLogger(__name__)

# Hooks for the features that keep records about an enquiry (networks' co-chair notes):
# `fn(enquiry)` after a new enquiry is stored (same transaction), inspect-screen sections
# `fn(enquiry) -> {"heading", "template", "context"} | None`, and `fn(enquiry)` when an
# enquiry is anonymised, so what they hold goes with it.
ENQUIRY_STORED_HOOK = "register_enquiry_stored"
ENQUIRY_PANEL_HOOK = "register_enquiry_panel"
ENQUIRY_ANONYMISE_HOOK = "register_enquiry_anonymise"


def extra_sections(enquiry):
    """Sections other features add to the staff inspect screen (co-chairs' notes)."""
    sections = [build(enquiry) for build in hooks.get_hooks(ENQUIRY_PANEL_HOOK)]
    return [section for section in sections if section]


def next_statuses(enquiry, user=None):
    """Where this enquiry can go next (for this person, when given)."""
    return ENQUIRY_FLOW.targets(enquiry, user)


def next_reference(year=None):
    """Issue the next ENQ-<year>-<n>; call inside a transaction.

    The counter row is written before it is read, so the database takes its write lock first:
    PostgreSQL blocks concurrent callers on the row, SQLite on its single writer lock.
    """
    year = year or timezone.localdate().year
    updated = EnquiryCounter.objects.filter(year=year).update(
        last_number=F("last_number") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                EnquiryCounter.objects.create(year=year, last_number=1)
        except IntegrityError:  # another request created this year's row first
            EnquiryCounter.objects.filter(year=year).update(
                last_number=F("last_number") + 1
            )
    number = (
        EnquiryCounter.objects.select_for_update()
        .values_list("last_number", flat=True)
        .get(year=year)
    )
    return f"ENQ-{year}-{number:05d}"


def notification_recipients(page):
    """Staff chosen on the page plus ENQUIRY_NOTIFY_EMAILS; all programme staff if neither.

    Never an editor-typed address (SP-4).
    """
    addresses = []
    if page is not None and page.pk:
        addresses += [
            user.email
            for user in page.notify_staff.filter(
                is_active=True, groups__name=roles.STAFF
            )
        ]
    addresses += list(getattr(settings, "ENQUIRY_NOTIFY_EMAILS", []))
    if not addresses:
        addresses = roles.staff_emails()
    seen, unique = set(), []
    for address in addresses:
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def _queue_emails(enquiry, page):
    context = {
        "enquiry": enquiry,
        "page": page,
        "admin_url": notify.absolute_url(
            f"/admin/members/enquiry/inspect/{enquiry.pk}/"
        ),
    }
    recipients = notification_recipients(page)
    if recipients:
        notify.notify(ENQUIRY_RECEIVED, recipients, context, about=enquiry)
    else:
        logger.warning("Enquiry %s: no staff to notify", enquiry.reference)
    notify.notify(ENQUIRY_ACKNOWLEDGEMENT, [enquiry.email], context, about=enquiry)
    for stored in hooks.get_hooks(ENQUIRY_STORED_HOOK):
        stored(enquiry)


def submit_enquiry(page, data, submission_token, spam_reason=""):
    """Store an enquiry and queue its emails atomically; return (enquiry, created).

    The same submission token twice returns the first enquiry (double clicks, retries).
    Suspected spam is stored with status spam and no email. Any database error rolls back
    both the enquiry and its emails, so no enquiry exists without its notification (RL-3).
    """
    existing = Enquiry.objects.filter(submission_token=submission_token).first()
    if existing:
        return existing, False
    for attempt in range(5):
        try:
            with transaction.atomic():
                enquiry = _create_enquiry(page, data, submission_token, spam_reason)
                if not spam_reason:
                    _queue_emails(enquiry, page)
            return enquiry, True
        except IntegrityError:
            existing = Enquiry.objects.filter(submission_token=submission_token).first()
            if existing:
                return existing, False
            raise
        except OperationalError as error:
            # SQLite reports "database is locked" when writers collide; wait and retry.
            if "locked" not in str(error) or attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise RuntimeError("unreachable")  # pragma: no cover


def _create_enquiry(page, data, submission_token, spam_reason):
    reference = next_reference()
    region = data.get("region")
    network_page = None
    if data.get("network"):
        from wagtail.models import Page

        network_page = Page.objects.filter(pk=data["network"]).first()
    enquiry = Enquiry.objects.create(
        reference=reference,
        submission_token=submission_token,
        page=page if page is not None and page.pk else None,
        full_name=data["full_name"],
        email=data["email"],
        phone=data.get("phone", ""),
        job_title=data["job_title"],
        organisation=data["organisation"],
        organisation_type=data["organisation_type"],
        region=region,
        region_name=region.name if region else "",
        enquiry_type=data["enquiry_type"],
        network_page=network_page,
        network_name=network_page.title if network_page else "",
        message=data["message"],
        heard_about=data.get("heard_about", ""),
        access_needs=data.get("access_needs", ""),
        consented_at=timezone.now() if data.get("consent") else None,
        status=Enquiry.Status.SPAM if spam_reason else Enquiry.Status.NEW,
        spam_reason=spam_reason[:100],
    )
    activity.record(
        enquiry,
        verb="received",
        note="Marked as suspected spam: " + spam_reason
        if spam_reason
        else "Received from the enquiry form",
    )
    return enquiry


def record_event(enquiry, user, verb, description):
    return activity.record(enquiry, by=user, verb=verb, note=description[:300])


def change_status(enquiry, new_status, user, note=""):
    """Move an enquiry along its workflow (staff, or a co-chair for a routed enquiry).

    Refuses moves the workflow does not hold (ValueError) and people it does not allow
    (PermissionDenied); the history line, `closed_at` and the row lock come with the move.
    """
    return ENQUIRY_FLOW.move(enquiry, new_status, by=user, note=note)


def staff_users():
    return roles.staff_users()


@transaction.atomic
def assign_enquiry(enquiry, assignee, user):
    """Give the enquiry to a programme staff member (or nobody)."""
    if assignee is not None and not staff_users().filter(pk=assignee.pk).exists():
        raise ValueError("Only programme staff can be assigned enquiries")
    enquiry.assignee = assignee
    enquiry.save(update_fields=["assignee", "updated_at"])
    record_event(
        enquiry,
        user,
        "assigned",
        f"Assigned to {activity.actor_name(assignee)}" if assignee else "Unassigned",
    )
    return enquiry


@transaction.atomic
def add_note(enquiry, text, user):
    note = EnquiryNote.objects.create(
        enquiry=enquiry, author=user, author_name=activity.actor_name(user), text=text
    )
    record_event(enquiry, user, "note", "Internal note added")
    return note


def export_enquiries_section(user):
    """Member data download: enquiries sent from the account's email address (one query).

    Matched by address, whatever its letter case, because leaders enquire before they have
    an account. Staff notes, the triage history and who is handling the enquiry are staff's
    working records and stay out. Quarantined spam stays out too: it is deleted within 30
    days, and text sent by someone else using the address is not the member's.
    """

    rows = (
        Enquiry.objects.filter(email__iexact=user.email)
        .exclude(status=Enquiry.Status.SPAM)
        .order_by("created_at", "pk")
        .values(
            "reference",
            "created_at",
            "status",
            "enquiry_type",
            "full_name",
            "email",
            "phone",
            "job_title",
            "organisation",
            "organisation_type",
            "region__name",
            "region_name",
            "network_name",
            "message",
            "heard_about",
            "access_needs",
            "consented_at",
            "closed_at",
        )
    )
    statuses = dict(Enquiry.Status.choices)
    types = dict(EnquiryType.choices)
    organisation_types = dict(OrganisationType.choices)
    records = [
        {
            "reference": row["reference"],
            "sent_at": row["created_at"],
            "status": statuses.get(row["status"], row["status"]),
            "what_you_asked_for": types.get(row["enquiry_type"], row["enquiry_type"]),
            "your_name": row["full_name"],
            "email": row["email"],
            "phone": row["phone"],
            "job_title": row["job_title"],
            "organisation": row["organisation"],
            "organisation_type": organisation_types.get(
                row["organisation_type"], row["organisation_type"]
            ),
            "region": row["region__name"] or row["region_name"],
            "network": row["network_name"],
            "message": row["message"],
            "how_you_heard_about_us": row["heard_about"],
            "access_needs": row["access_needs"],
            "you_agreed_to_be_contacted_at": row["consented_at"],
            "closed_at": row["closed_at"],
        }
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="enquiries",
        title="Your enquiries",
        order=55,
        records=records,
    )


ANONYMISED = "Anonymised"


def enquiries_due_for_purge(now=None):
    """Closed enquiries past retention, and quarantined spam older than 30 days."""
    now = now or timezone.now()
    days = getattr(settings, "ENQUIRY_RETENTION_DAYS", 730)
    closed = Enquiry.objects.filter(
        status=Enquiry.Status.CLOSED,
        anonymised_at__isnull=True,
        closed_at__lt=now - timedelta(days=days),
    )
    spam = Enquiry.objects.filter(
        status=Enquiry.Status.SPAM, created_at__lt=now - timedelta(days=30)
    )
    return closed, spam


@transaction.atomic
def anonymise_enquiry(enquiry, reason="Retention period ended"):
    """Remove everything that identifies the enquirer; keep the figures (type, region, dates)."""
    enquiry.full_name = ANONYMISED
    enquiry.email = "anonymised@invalid"
    enquiry.phone = ""
    enquiry.job_title = ""
    enquiry.organisation = ANONYMISED
    enquiry.message = ""
    enquiry.heard_about = ""
    enquiry.access_needs = ""
    enquiry.anonymised_at = timezone.now()
    enquiry.save()
    enquiry.notes.update(text="", author_name="")
    activity.scrub(enquiry)
    for anonymise in hooks.get_hooks(ENQUIRY_ANONYMISE_HOOK):
        anonymise(enquiry)
    record_event(enquiry, None, "anonymised", reason)
    audit.record(enquiry, "members.enquiry_anonymised")
    Email.objects.filter(subject__contains=enquiry.reference).delete()
    notify.emails_about(enquiry).delete()


@erases("members.Enquiry", "members.EnquiryNote", "networks.NetworkEnquiryNote")
def erase_member_enquiries(user):
    """Account deletion: anonymise the enquiries this person sent, matched by their address.

    Enquiries have no link to an account (leaders enquire without one), so the address is
    the only way to find them; the rows stay, anonymised, for the programme's figures.
    """
    if not user.email:
        return
    enquiries = Enquiry.objects.filter(
        email__iexact=user.email, anonymised_at__isnull=True
    ).order_by("pk")
    for enquiry in enquiries:
        anonymise_enquiry(enquiry, reason="The enquirer deleted their account")
