"""The choices an event and a booking take: what kind of event, who may come, how it is
held, whether it goes ahead, and where a booking stands. Imported from models.py too."""

from django.db import models


class EventKind(models.TextChoices):
    WEBINAR = "webinar", "Webinar"
    WORKSHOP = "workshop", "Workshop"
    NETWORK_MEETING = "network_meeting", "Network meeting"
    ADVISORY_GROUP = "advisory_group", "Advisory group"
    LEARNING_SET = "learning_set", "Learning set session"


class EventAudience(models.TextChoices):
    PUBLIC = "public", "Anyone (public)"
    MEMBERS = "members", "Members only"
    # Open to read; only members of the network that organises it may book.
    NETWORK = "network", "Members of the organising network"
    # Only people an organiser invited by email address (members/events/invitations.py).
    INVITED = "invited", "Invited people only"


class EventFormat(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    BOTH = "both", "In person and online"


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    CANCELLED = "cancelled", "Cancelled"


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    OFFERED = "offered", "Place offered, waiting for an answer"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"
