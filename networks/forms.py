"""One form per network action, with messages written for the people using them."""

import warnings

from django import forms
from django.conf import settings
from django.utils import timezone
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from members.events.models import Event, EventFormat
from networks.models import NetworkMembership
from networks.models.updates import UpdateVisibility
from networks.sanitise import clean_update_body, strip_controls, visible_text
from website.access_needs import SharedNeedsMixin, needs_field, share_field
from website.uploads import declared_pixels

BODY_MAX = 10_000
IMAGE_MAX_BYTES = 5 * 1024 * 1024
# What Pillow calls each format a co-chair may upload, and the extension it is stored under.
# No SVG (it can carry script) and no GIF (animations multiply the pixels to decode).
PHOTO_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
WRONG_KIND = "Upload a JPEG, PNG or WebP image"
UNREADABLE = "We could not read this picture. Try saving it again as JPEG or PNG."
PUBLIC_ONLY = (
    "Photos can only go on public updates, because pictures on this site can be seen by "
    "anyone with the link."
)


def too_many_pixels(pixels, limit):
    size = (
        f"it has {pixels / 1e6:,.0f} million pixels"
        if pixels
        else "it has too many pixels"
    )
    return (
        f"This picture is too large: {size} and the most is {limit / 1e6:,.0f} million. "
        "Make it smaller and try again."
    )


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
    # A plain FileField: clean_image reads the header before anything decodes the picture,
    # which Django's ImageField does not (UP-1, UP-4).
    image = forms.FileField(
        required=False,
        label="Image",
        help_text=(
            "Optional, and only for public updates: anyone with the link can see a "
            "picture. A JPEG, PNG or WebP photo up to 5 MB."
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
        """Refuse anything but a readable JPEG, PNG or WebP within the pixel limit.

        The dimensions come from the header first, so an image declaring too many pixels is
        never decoded. A picture within the limit is then decoded once, here, so truncated
        or corrupt data becomes a form error instead of failing later when it is stored or
        resized. The co-chair's file name is dropped; services.store_update_image gives the
        stored file a random one.
        """
        image = self.cleaned_data.get("image")
        if not image:
            return None
        if image.size > IMAGE_MAX_BYTES:
            raise forms.ValidationError("The image must be 5 MB or smaller")
        limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        # None when Pillow cannot read the header, or when the header declares more than
        # twice Pillow's own limit; opening it below tells the two apart, still undecoded.
        pixels = declared_pixels(image)
        if pixels is not None and pixels > limit:
            raise forms.ValidationError(too_many_pixels(pixels, limit))
        try:
            image.seek(0)
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(image) as picture:
                    kind = picture.format
                    if kind not in PHOTO_EXTENSIONS:
                        raise forms.ValidationError(WRONG_KIND)
                    picture.load()
        except UnidentifiedImageError as error:
            # Not a picture Pillow knows: SVG, HTML, a renamed document.
            raise forms.ValidationError(WRONG_KIND) from error
        except (
            PILImage.DecompressionBombError,
            PILImage.DecompressionBombWarning,
        ) as error:
            raise forms.ValidationError(too_many_pixels(pixels, limit)) from error
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            # Truncated or corrupt data only shows when the picture is decoded.
            raise forms.ValidationError(UNREADABLE) from error
        finally:
            image.seek(0)
        image.name = f"photo.{PHOTO_EXTENSIONS[kind]}"
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
        # Pictures go into Wagtail's image library, whose files and renditions have no
        # privacy: a photo on a members-only update would be public all the same (UP-4).
        if cleaned.get("visibility") == UpdateVisibility.MEMBERS:
            if cleaned.get("image"):
                self.add_error("image", PUBLIC_ONLY)
            elif keeps_image:
                self.add_error(
                    "visibility",
                    f"{PUBLIC_ONLY} Tick “Remove the current image” to make "
                    "this update members only, or keep it public.",
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


class MeetingBookingForm(SharedNeedsMixin, CleanTextMixin, forms.Form):
    """Booking a place: the member's saved access needs are offered, shared only if ticked,
    for this meeting alone (the same consent as an expression of interest)."""

    access_needs = needs_field(
        forms.CharField, "Access needs for this meeting", "this meeting"
    )
    share_access_needs = share_field(
        "Share these access needs with the co-chairs for this meeting",
        "Only the co-chairs see it, only for this meeting. Your profile is not changed.",
    )


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

    joining_link = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label="Joining link (people with a place only)",
        help_text="Optional. The video call address, starting https://.",
        error_messages={"invalid": "Enter a link starting https://"},
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "format",
            "venue_name",
            "joining_link",
            "joining_details",
            "access_notes",
            "capacity",
        ]
        widgets = {
            "format": forms.RadioSelect(choices=EventFormat.choices),
            "joining_details": forms.Textarea(attrs={"rows": 4}),
            "access_notes": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "venue_name": "Where (public)",
            "joining_details": "Joining details (members with a place only)",
            "access_notes": "Accessibility information",
            "capacity": "Number of places",
        }
        help_texts = {
            "venue_name": "A town or a building, or leave empty for an online meeting. "
            "Never a link.",
            "joining_details": "Optional. The room, a phone number to join by, who to ask "
            "for.",
            "access_notes": "Step-free access, captions, BSL, breaks, expenses and how to "
            "ask.",
        }
        error_messages = {
            "title": {"required": "Enter a title for the meeting"},
            "capacity": {
                "required": "Enter how many places there are",
                "invalid": "Enter the number of places as a whole number, like 20",
                "min_value": "There must be at least 1 place",
            },
        }

    def clean_capacity(self):
        places = self.cleaned_data.get("capacity")
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
