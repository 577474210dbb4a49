"""One form per network action, with messages written for the people using them."""

from django import forms
from django.utils import timezone

from networks.models import Meeting, NetworkMembership
from networks.models.meetings import MeetingFormat
from networks.models.updates import UpdateVisibility
from networks.sanitise import clean_update_body, strip_controls, visible_text

BODY_MAX = 10_000
IMAGE_MAX_BYTES = 5 * 1024 * 1024


class CleanTextMixin:
    """Strip control characters and surrounding space from every text input (IV-1)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = strip_controls(value).strip()
        return cleaned

    def _clean_required_text(self, name, message):
        value = strip_controls(self.cleaned_data.get(name) or "").strip()
        if not value:
            raise forms.ValidationError(message)
        return value


class UpdateForm(CleanTextMixin, forms.Form):
    """A co-chair writing or editing an update for their network."""

    title = forms.CharField(
        max_length=150,
        error_messages={
            "required": "Enter a title for the update",
            "max_length": "Title must be 150 characters or fewer",
        },
    )
    body = forms.CharField(
        label="Text of the update",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=BODY_MAX,
        help_text=(
            "Leave a blank line between paragraphs. Start lines with a dash (-) for a list. "
            "Links must start with https://, http:// or mailto:."
        ),
        error_messages={
            "required": "Enter the text of the update",
            "max_length": f"The update must be {BODY_MAX:,} characters or fewer",
        },
    )
    image = forms.ImageField(
        required=False,
        label="Image",
        help_text="Optional. A JPEG, PNG or WebP photo up to 5 MB. Images are public.",
        error_messages={
            "invalid_image": "Upload a JPEG, PNG or WebP image",
            "invalid_extension": "Upload a JPEG, PNG or WebP image",
        },
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        ),
    )
    image_alt = forms.CharField(
        required=False,
        max_length=250,
        label="Describe the image",
        help_text="For people who cannot see it. For example: 'Members at the March meeting'.",
        error_messages={
            "max_length": "The description must be 250 characters or fewer"
        },
    )
    remove_image = forms.BooleanField(required=False, label="Remove the current image")
    visibility = forms.ChoiceField(
        choices=UpdateVisibility.choices,
        widget=forms.RadioSelect,
        initial=UpdateVisibility.PUBLIC,
        label="Who can read it",
        error_messages={"required": "Choose who can read the update"},
    )

    def __init__(self, *args, has_image=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_image = has_image
        self.fields["image"].widget = forms.FileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp"}
        )
        if not has_image:
            del self.fields["remove_image"]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if not image:
            return None
        if image.size > IMAGE_MAX_BYTES:
            raise forms.ValidationError("The image must be 5 MB or smaller")
        kind = getattr(getattr(image, "image", None), "format", None)
        if kind not in {"JPEG", "PNG", "WEBP"}:
            raise forms.ValidationError("Upload a JPEG, PNG or WebP image")
        return image

    def clean_title(self):
        return self._clean_required_text("title", "Enter a title for the update")

    def clean_body(self):
        body = self.cleaned_data.get("body") or ""
        if not visible_text(clean_update_body(body)):
            raise forms.ValidationError(
                "Enter the text of the update (formatting and code are removed)"
            )
        return body

    def clean(self):
        cleaned = super().clean()
        keeps_image = self.has_image and not cleaned.get("remove_image")
        if (cleaned.get("image") or keeps_image) and not cleaned.get("image_alt"):
            self.add_error(
                "image_alt", "Describe the image for people who cannot see it"
            )
        return cleaned


class JoinRequestForm(CleanTextMixin, forms.Form):
    """A member asking to join a by-request network, with an optional note."""

    message = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Anything you would like the co-chairs to know",
        help_text="Optional. Up to 1,000 characters. Do not include health details.",
        error_messages={"max_length": "Your note must be 1,000 characters or fewer"},
    )


class MembershipSettingsForm(CleanTextMixin, forms.ModelForm):
    """What a member shares with their network and how they hear about updates."""

    class Meta:
        model = NetworkMembership
        fields = ["visibility", "short_bio", "update_emails"]
        widgets = {
            "visibility": forms.RadioSelect,
            "update_emails": forms.RadioSelect,
            "short_bio": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "visibility": "What other members and the co-chairs can see about you",
            "short_bio": "Short bio",
            "update_emails": "Emails about updates from this network",
        }
        help_texts = {
            "visibility": "Your health, caring and access details are never shown.",
            "short_bio": "Up to 280 characters. Shown only if you choose to share it.",
        }
        error_messages = {
            "short_bio": {"max_length": "Your bio must be 280 characters or fewer"},
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("decline", "Decline")]
    )


class MeetingForm(CleanTextMixin, forms.ModelForm):
    """A co-chair adding a meeting. Times are entered in UK time."""

    starts_at = forms.DateTimeField(
        label="Starts",
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        help_text="UK time. For example 14/03/2027 10:00.",
        error_messages={
            "required": "Enter when the meeting starts",
            "invalid": "Enter a real date and time",
        },
    )
    ends_at = forms.DateTimeField(
        label="Ends",
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        error_messages={
            "required": "Enter when the meeting ends",
            "invalid": "Enter a real date and time",
        },
    )

    class Meta:
        model = Meeting
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "format",
            "place_summary",
            "joining_details",
            "accessibility",
            "places",
        ]
        widgets = {
            "format": forms.RadioSelect(choices=MeetingFormat.choices),
            "joining_details": forms.Textarea(attrs={"rows": 4}),
            "accessibility": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "place_summary": "Where (public)",
            "joining_details": "Joining details (members only)",
            "accessibility": "Accessibility information",
            "places": "Number of places",
        }
        error_messages = {
            "title": {"required": "Enter a title for the meeting"},
            "places": {
                "required": "Enter how many places there are",
                "invalid": "Enter the number of places as a whole number, like 20",
                "min_value": "There must be at least 1 place",
            },
        }

    def clean_places(self):
        places = self.cleaned_data.get("places")
        if places is not None and places > 10_000:
            raise forms.ValidationError("Enter 10,000 places or fewer")
        return places

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The meeting must end after it starts")
        if starts and starts < timezone.now():
            self.add_error("starts_at", "The meeting must start in the future")
        return cleaned


class EnquiryUpdateForm(CleanTextMixin, forms.Form):
    """A co-chair moving an enquiry on and leaving a note for the other co-chairs."""

    status = forms.ChoiceField(label="Status")
    note = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Note for the other co-chairs and staff",
        help_text="Optional. Up to 2,000 characters.",
        error_messages={"max_length": "Your note must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Co-chairs move enquiries on; marking spam stays with staff.
        self.fields["status"].choices = [c for c in statuses if c[0] != "spam"]


class ReturnUpdateForm(CleanTextMixin, forms.Form):
    """Staff returning an update to the co-chairs."""

    note = forms.CharField(
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What should the co-chairs change?",
        error_messages={"required": "Enter a note for the co-chairs"},
    )
