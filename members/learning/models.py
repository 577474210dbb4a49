"""A learning set, its facilitators and leaders, invitations, sessions and resources.

Sessions are events (`members.events`): reminders, attendance and paid attendance come from
there; `LearningSession` links an event to its set with the facilitators' private note.
Leaders join by invitation (to an address; someone without an account gets an account
invitation with it); a leader's place (`SetLeader`) exists once they accept.
`members.learning.services` is the only writer.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from website import reflections

MIN_LEADERS = 4
MAX_LEADERS = 8
MAX_FACILITATORS = 2
CONFIDENCE = [MinValueValidator(1), MaxValueValidator(5)]


class LearningSet(models.Model):
    class Format(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"
        BOTH = "both", "In person and online"

    class Status(models.TextChoices):
        FORMING = "forming", "Inviting leaders"
        RUNNING = "running", "Meeting"
        FINISHED = "finished", "Finished"

    name = models.CharField(max_length=120)
    focus = models.TextField(max_length=2000)
    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    format = models.CharField(
        max_length=20, choices=Format.choices, default=Format.ONLINE
    )
    places = models.PositiveSmallIntegerField(
        "places for leaders",
        default=6,
        validators=[MinValueValidator(MIN_LEADERS), MaxValueValidator(MAX_LEADERS)],
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    what_next = models.TextField("what happens next", max_length=2000, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.FORMING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="learning_set_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.name


class SetFacilitator(models.Model):
    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="facilitators"
    )
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    bio = models.TextField("short introduction", max_length=600, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "partner"], name="one_place_per_facilitator"
            )
        ]

    def __str__(self):
        return f"Facilitator of {self.learning_set_id}"


class SetLeader(models.Model):
    """A leader's place in a set, from the day they accepted their invitation."""

    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="leaders"
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.CharField(max_length=200, blank=True)
    # Other members see this leader's first name and organisation only if they agreed.
    share_with_set = models.BooleanField(default=False)
    confidence_before = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=CONFIDENCE
    )
    confidence_after = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=CONFIDENCE
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "leader"], name="one_place_per_leader"
            )
        ]

    def __str__(self):
        return f"Leader in {self.learning_set_id}"


class SetInvitation(models.Model):
    """An invitation for one email address. Whoever signs in with that address (an account
    made from the invitation's own link, or one they already had) may accept it."""

    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    name = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "email"],
                name="one_invitation_per_set_and_email",
            )
        ]

    def __str__(self):
        return f"Invitation to {self.learning_set_id}"


class LearningSession(models.Model):
    """One of a set's meetings: an event, numbered, with the facilitators' private note."""

    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="sessions"
    )
    event = models.OneToOneField(
        "members.Event", on_delete=models.CASCADE, related_name="learning_session"
    )
    number = models.PositiveSmallIntegerField()
    facilitators_note = models.TextField(max_length=5000, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "number"], name="one_session_per_number"
            )
        ]

    def __str__(self):
        return f"Session {self.number} of {self.learning_set_id}"


class SetResource(models.Model):
    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="resources"
    )
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-added_at", "-pk"]

    def __str__(self):
        return self.title


class SetReflection(reflections.ReflectionFields):
    """A leader's or facilitator's reflection once the set's last session is over: the
    core's questions (as for pairings). A leader's confidence at the end is kept on their
    place (`SetLeader.confidence_after`) and reported only in aggregate."""

    class Role(models.TextChoices):
        LEADER = "leader", "Leader"
        FACILITATOR = "facilitator", "Facilitator"

    learning_set = models.ForeignKey(
        LearningSet, on_delete=models.CASCADE, related_name="reflections"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learning_set", "author"], name="one_reflection_per_set_member"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} reflection on set {self.learning_set_id}"
