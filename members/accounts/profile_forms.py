"""The member's own profile form: who they are, interests, how to reach them, private needs."""

from django import forms

from home.models import Region
from members.accounts.choices import Interest
from members.accounts.forms import PlainTextField
from members.accounts.profiles import SPECIAL_CATEGORY_FIELDS, CommunicationPreference
from members.models import MemberProfile
from website import sms

WHO_SEES = "Only you and the programme staff who arrange support can see this."


class ProfileForm(forms.ModelForm):
    """Explicit fields only: a member cannot set their type, groups or another user (AC-7)."""

    preferred_name = PlainTextField(
        label="Preferred name",
        max_length=100,
        required=False,
        help_text="What you would like us to call you.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    pronouns = PlainTextField(
        label="Pronouns",
        max_length=40,
        required=False,
        help_text="For example she/her, he/him or they/them.",
    )
    region = forms.ModelChoiceField(
        label="Region",
        queryset=Region.objects.all(),
        required=False,
        empty_label="Choose a region",
        help_text="We use this to show you opportunities and networks near you.",
    )
    organisation = PlainTextField(
        label="Organisation",
        max_length=200,
        required=False,
        help_text="If you represent a member organisation.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    interests = forms.MultipleChoiceField(
        label="What would you like to hear about?",
        choices=Interest.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose as many as you like.",
    )
    bio = PlainTextField(
        label="About you",
        max_length=1000,
        required=False,
        help_text="A few sentences other members may see. Plain text, up to 1,000 characters.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    phone = PlainTextField(
        label="Phone number",
        max_length=30,
        required=False,
        help_text="Only if you would like us to phone or text you.",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    communication_preferences = forms.MultipleChoiceField(
        label="How would you like us to contact you?",
        choices=CommunicationPreference.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose any that help. Large print and easy read apply to documents we send.",
    )
    lived_experience = PlainTextField(
        label="Your lived experience",
        max_length=2000,
        required=False,
        help_text=(
            "Conditions or experiences you would like us to know about, so we can match you "
            "with suitable opportunities. " + WHO_SEES
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    caring_responsibilities = PlainTextField(
        label="Caring responsibilities",
        max_length=2000,
        required=False,
        help_text=(
            "If you care for someone, tell us anything that affects when or how you can "
            "take part. " + WHO_SEES
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    access_needs = PlainTextField(
        label="Access needs and reasonable adjustments",
        max_length=2000,
        required=False,
        help_text=(
            "For example a step-free venue, breaks, British Sign Language, papers in advance. "
            "We share this with event organisers only when you take part. " + WHO_SEES
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    special_category_consent = forms.BooleanField(
        label=(
            "I agree that Voices may keep the information above about my lived experience, "
            "caring and access needs"
        ),
        required=False,
        help_text=(
            "You can withdraw this at any time; we then delete that information straight away."
        ),
    )

    class Meta:
        model = MemberProfile
        fields = [
            "pronouns",
            "region",
            "organisation",
            "interests",
            "bio",
            "phone",
            "communication_preferences",
            "lived_experience",
            "caring_responsibilities",
            "access_needs",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_name"].initial = self.instance.user.preferred_name
        self.fields["special_category_consent"].initial = bool(
            self.instance.special_category_consent_at
        )
        if not sms.enabled():
            self.fields["communication_preferences"].choices = [
                choice
                for choice in CommunicationPreference.choices
                if choice[0] != CommunicationPreference.TEXT
            ]

    def clean(self):
        cleaned = super().clean()
        filled = [name for name in SPECIAL_CATEGORY_FIELDS if cleaned.get(name)]
        if filled and not cleaned.get("special_category_consent"):
            self.add_error(
                "special_category_consent",
                "Tick the box to let us keep your lived experience, caring or access needs, "
                "or leave those boxes empty",
            )
        wants_texts = CommunicationPreference.TEXT in (
            cleaned.get("communication_preferences") or []
        )
        if wants_texts and not sms.mobile_number(cleaned.get("phone")):
            self.add_error(
                "phone",
                "Enter a UK mobile number, like 07700 900123, to get text messages",
            )
        return cleaned

    @property
    def special_category_fields(self):
        return [self[name] for name in SPECIAL_CATEGORY_FIELDS]

    @property
    def about_fields(self):
        return [
            self[name]
            for name in ("preferred_name", "pronouns", "region", "organisation", "bio")
        ]

    @property
    def contact_fields(self):
        return [
            self[name] for name in ("interests", "phone", "communication_preferences")
        ]

    def profile_data(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
