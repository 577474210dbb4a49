"""The public enquiry form: bounded, cleaned fields with messages written for people (IV-1)."""

import re
import unicodedata

from django import forms
from django.apps import apps
from django.conf import settings

from home.models.snippets import Region
from members.enquiries.models import EnquiryType, OrganisationType

# C0/C1 controls except tab and newline, plus bidi overrides and isolates that can disguise
# text shown to staff (the "Trojan Source" class).
_CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)


def clean_text(value, multiline=False):
    """Remove control and direction-override characters; single-line fields lose newlines."""
    value = _CONTROL_CHARS.sub("", value or "")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        value = " ".join(value.split())
    return unicodedata.normalize("NFC", value).strip()


class CleanCharField(forms.CharField):
    """A CharField that strips control characters before the required and length checks."""

    def __init__(self, *args, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, str):
            value = str(value)
        return clean_text(super().to_python(value), multiline=self.multiline)


def network_choices():
    """Live regional network pages, if the networks app provides them (members never imports it)."""
    try:
        model = apps.get_model("networks", "NetworkPage")
    except LookupError:
        return []
    return list(model.objects.live().order_by("title").values_list("pk", "title"))


def max_links():
    return getattr(settings, "ENQUIRY_MAX_LINKS", 3)


def text_input(autocomplete, **attrs):
    return forms.TextInput(attrs={"autocomplete": autocomplete, **attrs})


class EnquiryForm(forms.Form):
    """What a leader fills in to ask for coaching, mentoring or help with co-production."""

    full_name = CleanCharField(
        label="Full name",
        max_length=200,
        widget=text_input("name", spellcheck="false"),
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be 200 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        help_text="We will send a confirmation with your reference to this address.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )
    phone = CleanCharField(
        label="Phone number",
        required=False,
        max_length=40,
        help_text="Only if you would like us to call you.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"max_length": "Phone number must be 40 characters or fewer"},
    )
    job_title = CleanCharField(
        label="Job title",
        max_length=200,
        widget=text_input("organization-title"),
        error_messages={
            "required": "Enter your job title",
            "max_length": "Job title must be 200 characters or fewer",
        },
    )
    organisation = CleanCharField(
        label="Organisation",
        max_length=200,
        widget=text_input("organization"),
        error_messages={
            "required": "Enter the name of your organisation",
            "max_length": "Organisation must be 200 characters or fewer",
        },
    )
    organisation_type = forms.ChoiceField(
        label="Type of organisation",
        choices=OrganisationType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the type of organisation",
            "invalid_choice": "Select the type of organisation",
        },
    )
    region = forms.ModelChoiceField(
        label="Region",
        queryset=Region.objects.all(),
        empty_label="Choose a region",
        help_text="Where your organisation mainly works.",
        error_messages={
            "required": "Select your region",
            "invalid_choice": "Select your region from the list",
        },
    )
    enquiry_type = forms.ChoiceField(
        label="What is your enquiry about?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what your enquiry is about",
            "invalid_choice": "Select what your enquiry is about",
        },
    )
    network = forms.TypedChoiceField(
        label="Which regional network?",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Only if your enquiry is about working with a regional network.",
        error_messages={"invalid_choice": "Select a network from the list"},
    )
    message = CleanCharField(
        label="Your enquiry",
        max_length=5000,
        multiline=True,
        help_text=(
            "Tell us what you would like help with and any timescales. "
            "You can use up to 5,000 characters."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter your enquiry",
            "max_length": "Your enquiry must be 5,000 characters or fewer",
        },
    )
    heard_about = CleanCharField(
        label="How did you hear about the programme?",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": "This must be 500 characters or fewer"},
    )
    access_needs = CleanCharField(
        label="Do you have any access needs for a first conversation?",
        required=False,
        max_length=2000,
        multiline=True,
        help_text=(
            "For example a BSL interpreter, captions, or extra time. We only use this to "
            "arrange the conversation."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Access needs must be 2,000 characters or fewer"},
    )
    consent = forms.BooleanField(
        label="I agree to the programme team contacting me about this enquiry",
        error_messages={
            "required": "Confirm that we can contact you about your enquiry"
        },
    )
    # Hidden from people and assistive technology; bots fill it in.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = [
        "full_name",
        "email",
        "phone",
        "job_title",
        "organisation",
        "organisation_type",
        "region",
        "enquiry_type",
        "network",
        "message",
        "heard_about",
        "access_needs",
        "consent",
    ]

    def __init__(self, *args, enquiry_types=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enquiry_type"].choices = enquiry_types or EnquiryType.choices
        networks = network_choices()
        if networks:
            self.fields["network"].choices = [("", "Not about a network"), *networks]
        else:
            del self.fields["network"]

    def visible_fields_for_page(self):
        hidden = {"website", "form_token"}
        return [field for field in self if field.name not in hidden]

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_message(self):
        message = self.cleaned_data["message"]
        if len(_LINK.findall(message)) > max_links():
            raise forms.ValidationError(
                f"Include no more than {max_links()} web links in your enquiry"
            )
        return message
