"""Enquiry business logic: store first, queue mail in the same transaction, triage, purge.

Views and the admin call these functions; they hold the rules so tests can call them directly.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from post_office.models import STATUS, Email

from members.enquiries.models import (
    STAFF_GROUP,
    Enquiry,
    EnquiryCounter,
    EnquiryEvent,
    EnquiryNote,
    EnquiryType,
    OrganisationType,
)
from website import audit
from website import outbox as mail

logger = logging.getLogger(__name__)

# Allowed status moves: new → in progress → matched / referred → closed, plus spam from any.
STATUS_FLOW = {
    Enquiry.Status.NEW: [
        Enquiry.Status.IN_PROGRESS,
        Enquiry.Status.CLOSED,
        Enquiry.Status.SPAM,
    ],
    Enquiry.Status.IN_PROGRESS: [
        Enquiry.Status.MATCHED,
        Enquiry.Status.REFERRED,
        Enquiry.Status.CLOSED,
        Enquiry.Status.SPAM,
    ],
    Enquiry.Status.MATCHED: [
        Enquiry.Status.IN_PROGRESS,
        Enquiry.Status.CLOSED,
    ],
    Enquiry.Status.REFERRED: [
        Enquiry.Status.IN_PROGRESS,
        Enquiry.Status.CLOSED,
    ],
    Enquiry.Status.CLOSED: [Enquiry.Status.IN_PROGRESS],
    Enquiry.Status.SPAM: [Enquiry.Status.NEW],
}


def next_statuses(enquiry):
    return STATUS_FLOW.get(enquiry.status, [])


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
                is_active=True, groups__name=STAFF_GROUP
            )
        ]
    addresses += list(getattr(settings, "ENQUIRY_NOTIFY_EMAILS", []))
    if not addresses:
        addresses = list(
            get_user_model()
            .objects.filter(is_active=True, groups__name=STAFF_GROUP)
            .values_list("email", flat=True)
        )
    seen, unique = set(), []
    for address in addresses:
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def _queue_emails(enquiry, page):
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {"enquiry": enquiry, "page": page, "base_url": base_url}
    recipients = notification_recipients(page)
    if recipients:
        mail.send(
            recipients,
            settings.DEFAULT_FROM_EMAIL,
            subject=f"New enquiry {enquiry.reference}",
            message=render_to_string(
                "members/emails/enquiries/staff_notification.txt", context
            ),
            html_message=render_to_string(
                "members/emails/enquiries/staff_notification.html", context
            ),
            priority="medium",
        )
    else:
        logger.warning("Enquiry %s: no staff to notify", enquiry.reference)
    mail.send(
        [enquiry.email],
        settings.DEFAULT_FROM_EMAIL,
        subject=f"We have received your enquiry ({enquiry.reference})",
        message=render_to_string(
            "members/emails/enquiries/acknowledgement.txt", context
        ),
        html_message=render_to_string(
            "members/emails/enquiries/acknowledgement.html", context
        ),
        priority="medium",
    )


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
    EnquiryEvent.objects.create(
        enquiry=enquiry,
        action=EnquiryEvent.Action.RECEIVED,
        description="Marked as suspected spam: " + spam_reason
        if spam_reason
        else "Received from the enquiry form",
    )
    return enquiry


def _actor_name(user):
    return (user.get_full_name() or user.email) if user else ""


def record_event(enquiry, user, action, description):
    return EnquiryEvent.objects.create(
        enquiry=enquiry,
        actor=user,
        actor_name=_actor_name(user),
        action=action,
        description=description[:300],
    )


@transaction.atomic
def change_status(enquiry, new_status, user):
    """Move an enquiry along the workflow; refuses moves the workflow does not allow."""
    if new_status not in next_statuses(enquiry):
        raise ValueError(f"Cannot move from {enquiry.status} to {new_status}")
    old = enquiry.get_status_display()
    enquiry.status = new_status
    enquiry.closed_at = timezone.now() if new_status == Enquiry.Status.CLOSED else None
    enquiry.save(update_fields=["status", "closed_at", "updated_at"])
    record_event(
        enquiry,
        user,
        EnquiryEvent.Action.STATUS,
        f"{old} → {enquiry.get_status_display()}",
    )
    return enquiry


def staff_users():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=STAFF_GROUP)
        .order_by("first_name", "last_name", "email")
        .distinct()
    )


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
        EnquiryEvent.Action.ASSIGNED,
        f"Assigned to {_actor_name(assignee)}" if assignee else "Unassigned",
    )
    return enquiry


@transaction.atomic
def add_note(enquiry, text, user):
    note = EnquiryNote.objects.create(
        enquiry=enquiry, author=user, author_name=_actor_name(user), text=text
    )
    record_event(enquiry, user, EnquiryEvent.Action.NOTE, "Internal note added")
    return note


def retry_email(email):
    """Put a failed outbox email back in the queue for the worker's next pass."""
    Email.objects.filter(pk=email.pk).update(
        status=STATUS.queued, scheduled_time=None, number_of_retries=0
    )


def failed_emails():
    return Email.objects.filter(status__in=[STATUS.failed, STATUS.requeued]).order_by(
        "-last_updated"
    )


def export_enquiries_section(user):
    """Member data download: enquiries sent from the account's email address (one query).

    Matched by address, whatever its letter case, because leaders enquire before they have
    an account. Staff notes, the triage history and who is handling the enquiry are staff's
    working records and stay out. Quarantined spam stays out too: it is deleted within 30
    days, and text sent by someone else using the address is not the member's.
    """
    from website.dataexport import ExportSection

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
def anonymise_enquiry(enquiry):
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
    enquiry.events.update(actor_name="")
    record_event(
        enquiry, None, EnquiryEvent.Action.ANONYMISED, "Retention period ended"
    )
    audit.record(enquiry, "members.enquiry_anonymised")
    Email.objects.filter(subject__contains=enquiry.reference).delete()
