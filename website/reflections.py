"""The short reflection people write when a piece of work ends: the same questions, the
same consent to be quoted, the same form wherever it is asked (a coaching pairing, a
learning set). A feature keeps its reflections in its own table, built on these fields,
and asks with a form built on `ReflectionForm`:

    class Reflection(reflections.ReflectionFields):       # the feature's model
        pairing = models.ForeignKey(...)

    class PairingReflectionForm(reflections.ReflectionForm):
        class Meta(reflections.ReflectionForm.Meta):
            model = Reflection
            fields = [*reflections.QUESTIONS, "quote_consent"]

Staff report figures and consented quotes only (`quotes`).
"""

from django import forms
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

QUESTIONS = ["what_changed", "what_helped", "would_recommend", "anything_else"]
ALREADY_SENT = "You have already sent your reflection. Thank you."
TOO_LONG = "Keep this to 2,000 characters or fewer"


class Recommend(models.TextChoices):
    YES = "yes", "Yes"
    MAYBE = "maybe", "Maybe"
    NO = "no", "No"


class ReflectionFields(models.Model):
    """The questions every reflection asks, who wrote it, and whether it may be quoted."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    what_changed = models.TextField(max_length=2000)
    what_helped = models.TextField(max_length=2000)
    would_recommend = models.CharField(max_length=10, choices=Recommend.choices)
    anything_else = models.TextField(max_length=2000, blank=True)
    quote_consent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True


class ReflectionForm(forms.ModelForm):
    """The questions, their words and their messages; a feature names its model and any
    questions of its own in `Meta` (inheriting `ReflectionForm.Meta`)."""

    class Meta:
        fields = [*QUESTIONS, "quote_consent"]
        labels = {
            "what_changed": "What has changed for you because of these sessions?",
            "what_helped": "What helped most?",
            "would_recommend": "Would you recommend this to someone in your position?",
            "anything_else": "Anything else you want to tell us",
            "quote_consent": (
                "Programme staff may quote what I wrote in reports, without my name"
            ),
        }
        help_texts = {"what_changed": "A few sentences is plenty."}
        widgets = {
            "what_changed": forms.Textarea(attrs={"rows": 4}),
            "what_helped": forms.Textarea(attrs={"rows": 4}),
            "anything_else": forms.Textarea(attrs={"rows": 3}),
            "would_recommend": forms.RadioSelect,
        }
        error_messages = {
            "what_changed": {
                "required": "Tell us what has changed for you",
                "max_length": TOO_LONG,
            },
            "what_helped": {"required": "Tell us what helped", "max_length": TOO_LONG},
            "would_recommend": {"required": "Choose whether you would recommend it"},
            "anything_else": {"max_length": TOO_LONG},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "would_recommend" in self.fields:  # no empty "---------" radio
            self.fields["would_recommend"].choices = Recommend.choices

    def clean(self):
        cleaned = super().clean()
        for name in ("what_changed", "what_helped"):
            if name in cleaned and not cleaned[name].strip():
                self.add_error(
                    name, ReflectionForm.Meta.error_messages[name]["required"]
                )
        return cleaned


def quotes(reflections):
    """What staff may quote from these reflections: consented, without names."""
    return [
        {"what_changed": r.what_changed, "what_helped": r.what_helped}
        for r in reflections
        if r.quote_consent
    ]


def save_once(model, answers, *, clean=str, **fields):
    """Store a reflection (each text answer passed through `clean`), or return None when
    this person has already sent one: the feature's unique constraint decides, so two
    presses of "Send" at once still store one."""
    cleaned = {
        key: clean(value) if isinstance(value, str) else value
        for key, value in answers.items()
    }
    try:
        with transaction.atomic():
            return model.objects.create(**fields, **cleaned)
    except IntegrityError:
        return None
