"""Network meetings become events: each meeting is copied to an event of the network
(kind "network meeting", audience the network's members) with a link saying whose it is,
and each registration to a booking. The old tables go in 0007, once nothing reads them."""

import secrets

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

FORMATS = {"online": "online", "in_person": "in_person", "hybrid": "both"}


def _free_slug(Event, title, starts_at):
    base = f"{slugify(title)[:60].strip('-') or 'network-meeting'}-{starts_at:%Y-%m-%d}"
    slug, n = base, 1
    while Event.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def meetings_to_events(apps, schema_editor):
    Meeting = apps.get_model("networks", "Meeting")
    Registration = apps.get_model("networks", "MeetingRegistration")
    NetworkEvent = apps.get_model("networks", "NetworkEvent")
    Event = apps.get_model("members", "Event")
    Booking = apps.get_model("members", "EventBooking")
    for meeting in Meeting.objects.select_related("network").order_by("pk"):
        network = meeting.network
        place = meeting.place_summary or ""
        event = Event.objects.create(
            title=meeting.title,
            slug=_free_slug(Event, meeting.title, meeting.starts_at),
            summary=f"A meeting of the {network.title}."[:300],
            kind="network_meeting",
            audience="network",
            format=FORMATS.get(meeting.format, "online"),
            venue_name=place[:150],
            venue_address=place if len(place) > 150 else "",
            joining_details=meeting.joining_details,
            access_notes=meeting.accessibility,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            capacity=meeting.places,
            region_id=network.region_id,
            status="scheduled",
            created_at=meeting.created_at,
        )
        NetworkEvent.objects.create(
            event=event,
            network=network,
            added_by_id=meeting.created_by_id,
            added_at=meeting.created_at,
            former_meeting_id=meeting.pk,
        )
        Booking.objects.bulk_create(
            Booking(
                event=event,
                user_id=registration.user_id,
                status=registration.status,
                access_needs=registration.access_needs,
                token=secrets.token_urlsafe(32),
                created_at=registration.created_at,
            )
            for registration in Registration.objects.filter(meeting=meeting).order_by(
                "created_at", "pk"
            )
        )


def events_to_meetings(apps, schema_editor):
    """Going back: the copies go (the meetings themselves were never touched)."""
    NetworkEvent = apps.get_model("networks", "NetworkEvent")
    Event = apps.get_model("members", "Event")
    Booking = apps.get_model("members", "EventBooking")
    copied = NetworkEvent.objects.filter(former_meeting_id__isnull=False).values(
        "event_id"
    )
    Booking.objects.filter(event_id__in=copied).delete()
    Event.objects.filter(pk__in=copied).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0024_event_joining_details_and_access_notes"),
        ("networks", "0005_you_said_we_did"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="NetworkEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("added_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "former_meeting_id",
                    models.PositiveIntegerField(blank=True, null=True, unique=True),
                ),
                (
                    "added_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "event",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="network_link",
                        to="members.event",
                    ),
                ),
                (
                    "network",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="event_links",
                        to="networks.networkpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "network event",
            },
        ),
        migrations.RunPython(meetings_to_events, events_to_meetings),
    ]
