"""A member's profile: what they tell the programme about themselves, kept private by default.

Special-category fields (lived experience, caring, access needs) are optional and stored only
with their own consent record (security checklist DP-2). Only the member and programme staff
holding `members.view_special_category` may read them.
"""

from django.conf import settings
from django.db import models

from members.accounts.choices import MemberType

PRIVACY_NOTICE_VERSION = "2026-01"
SPECIAL_CATEGORY_CONSENT_VERSION = "2026-01"
SPECIAL_CATEGORY_FIELDS = (
    "lived_experience",
    "caring_responsibilities",
    "access_needs",
)


class CommunicationPreference(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy read"
    # Offered only when texts are on (SMS_SENDER); needs a UK mobile number.
    TEXT = "text", "Text messages to my mobile for events I book"


class MemberProfile(models.Model):
    """One per member: who they are, what they want to hear about, and how to reach them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    member_type = models.CharField(
        max_length=20,
        choices=MemberType.choices,
        default=MemberType.LIVED_EXPERIENCE_PARTNER,
    )
    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interests = models.JSONField(
        default=list,
        blank=True,
        help_text="Codes from members.accounts.choices.Interest.",
    )
    pronouns = models.CharField(max_length=40, blank=True)
    organisation = models.CharField(
        max_length=200,
        blank=True,
        help_text="For member-organisation contacts: the organisation they represent.",
    )
    bio = models.TextField(max_length=1000, blank=True, help_text="Plain text only.")
    phone = models.CharField(max_length=30, blank=True)
    communication_preferences = models.JSONField(
        default=list,
        blank=True,
        help_text="Codes from CommunicationPreference.",
    )

    # Special-category data (UK GDPR Article 9): optional, private, consented separately.
    lived_experience = models.TextField(max_length=2000, blank=True)
    caring_responsibilities = models.TextField(max_length=2000, blank=True)
    access_needs = models.TextField(
        max_length=2000,
        blank=True,
        help_text="Access needs and reasonable adjustments.",
    )
    special_category_consent_at = models.DateTimeField(null=True, blank=True)
    special_category_consent_version = models.CharField(max_length=20, blank=True)

    privacy_notice_accepted_at = models.DateTimeField(null=True, blank=True)
    privacy_notice_version = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "member profile"
        permissions = [
            (
                "view_special_category",
                "Can see members' lived experience, caring and access needs",
            ),
        ]

    def __str__(self):
        return f"Profile of {self.user}"

    @property
    def has_special_category_data(self):
        return any(getattr(self, name) for name in SPECIAL_CATEGORY_FIELDS)

    def get_interests_display(self):
        from members.accounts.choices import Interest

        labels = dict(Interest.choices)
        return [labels.get(code, code) for code in self.interests or []]

    def get_communication_preferences_display(self):
        labels = dict(CommunicationPreference.choices)
        return [labels.get(code, code) for code in self.communication_preferences or []]


def is_partner(user):
    """Whether `user` is an active Lived Experience Partner, by their profile (cached on
    the user once read, so asking again costs nothing). The one test every feature uses:
    who may facilitate a learning set, hold training, raise a concern from the portal."""
    profile = getattr(user, "profile", None) if user is not None else None
    return bool(
        getattr(user, "is_active", False)
        and profile is not None
        and profile.member_type == MemberType.LIVED_EXPERIENCE_PARTNER
    )
