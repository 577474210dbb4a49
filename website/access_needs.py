"""Access needs shared for one thing a member signs up to (an opportunity, a meeting).

The saved profile offers the text; only a tick shares it, and only for that one record.
Features build their two fields from here, so the consent reads and works the same
wherever it is asked:

    class MeetingBookingForm(SharedNeedsMixin, forms.Form):
        access_needs = needs_field(forms.CharField, "Access needs for this meeting",
                                   "this meeting")
        share_access_needs = share_field("Share these access needs with the co-chairs", "…")
"""

from django import forms

MISSING = "Describe your access needs, or untick the box to share nothing"
TOO_LONG = "Keep this to 2,000 characters or fewer"


def needs_field(field_class, label, what):
    """The text box, filled in from the profile by the view (see `saved`)."""
    return field_class(
        label=label,
        max_length=2000,
        required=False,
        help_text=(
            f"Filled in from your profile if you saved access needs there. Change it for "
            f"{what} if you like. It is only shared if you tick the box below."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
    )


def share_field(label, help_text):
    return forms.BooleanField(label=label, required=False, help_text=help_text)


def saved(user):
    """What the member saved on their profile, to offer (never to share unasked)."""
    return getattr(getattr(user, "profile", None), "access_needs", "") or ""


class SharedNeedsMixin:
    """Ticking the box with nothing written is a mistake to point out, not consent."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("share_access_needs") and not cleaned.get("access_needs"):
            self.add_error("access_needs", MISSING)
        return cleaned

    @property
    def shared_access_needs(self):
        """What the member agreed to share: nothing unless the box was ticked."""
        if self.cleaned_data.get("share_access_needs"):
            return self.cleaned_data["access_needs"]
        return ""
