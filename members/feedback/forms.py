"""The questions of a feedback form as Django form fields, and the editor's page form.

`FeedbackFormBuilder` turns each `FeedbackQuestion` into a field the site's own field
component renders (`templates/components/field.html`): a hint and the Easy Read version
together under the question, limits on text, a scale from 1 to 5 with words at each end,
and messages written for the person answering. `FeedbackPageForm` refuses to publish a form
with no questions, or a choice question with nothing to choose.
"""

from django import forms
from django.utils.html import format_html
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm

SHORT_ANSWER_LIMIT = 500
LONG_ANSWER_LIMIT = 2000
SCALE = range(1, 6)
YES_NO = [("Yes", "Yes"), ("No", "No")]
# Not a name Wagtail's clean names make from a label (they never hold two underscores).
QUOTE_FIELD = "feedback__quote_consent"
QUOTE_LABEL = "You may quote what I wrote, without my name"
QUOTE_HINT = (
    "We sometimes share what people tell us in reports and on this website. "
    "Leave this unticked if you would rather we did not."
)


def _plain(label):
    """The label inside an error message Django formats with %: any % kept as itself."""
    return label.replace("%", "%%")


class FeedbackFormBuilder(FormBuilder):
    """Each question type as a field, with the hint and Easy Read version as its hint."""

    def get_field_options(self, field):
        label = _plain(field.label)
        return {
            "label": field.label,
            "help_text": self._hint(field),
            "required": field.required,
            "error_messages": {
                "required": f"Answer the question \u201c{label}\u201d",
                "invalid_choice": f"Choose one of the answers shown for \u201c{label}\u201d",
                "invalid_list": f"Choose one of the answers shown for \u201c{label}\u201d",
            },
        }

    def _hint(self, field):
        hint, easy_read = field.help_text.strip(), field.easy_read.strip()
        if hint and easy_read:
            return format_html(
                '{}<span class="field__easy-read">In short: {}</span>', hint, easy_read
            )
        if easy_read:
            return format_html(
                '<span class="field__easy-read">In short: {}</span>', easy_read
            )
        return hint  # autoescaped where the field component prints it

    def _text(self, field, options, limit, widget):
        label = _plain(field.label)
        options["error_messages"]["max_length"] = (
            f"Your answer to \u201c{label}\u201d must be {limit:,} characters or "
            "fewer. It has %(show_value)d."
        )
        options["widget"] = widget
        return forms.CharField(max_length=limit, strip=True, **options)

    def create_singleline_field(self, field, options):
        return self._text(field, options, SHORT_ANSWER_LIMIT, forms.TextInput)

    def create_multiline_field(self, field, options):
        widget = forms.Textarea(attrs={"rows": 6})
        return self._text(field, options, LONG_ANSWER_LIMIT, widget)

    def create_radio_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def create_checkboxes_field(self, field, options):
        options["choices"] = self.get_formatted_field_choices(field)
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, **options)

    def create_scale_field(self, field, options):
        low = field.scale_low.strip() or "Not at all"
        high = field.scale_high.strip() or "Very much"
        words = {1: low, 5: high}
        options["choices"] = [
            (str(n), f"{n} \u2013 {words[n]}" if n in words else str(n)) for n in SCALE
        ]
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def create_yesno_field(self, field, options):
        options["choices"] = YES_NO
        return forms.ChoiceField(widget=forms.RadioSelect, **options)

    def get_formatted_field_choices(self, field):
        return [(choice, choice) for choice in choices_of(field)]


def choices_of(question):
    """The answers an editor typed for a choice question, one a line (or comma-separated)."""
    text = (question.choices or "").strip()
    lines = text.splitlines() if "\n" in text else text.split(",")
    return [line.strip().rstrip(",").strip() for line in lines if line.strip()]


def quote_consent_field():
    return forms.BooleanField(label=QUOTE_LABEL, help_text=QUOTE_HINT, required=False)


class FeedbackPageForm(WagtailAdminFormPageForm):
    """The page editor's form: a published form needs a question, and a choice question
    needs answers to choose from."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        kept = [
            form
            for form in formset.forms
            if form.is_valid() and not form.cleaned_data.get("DELETE", False)
        ]
        kept = [form for form in kept if form.cleaned_data.get("label")]
        for form in kept:
            if not form.instance.get_field_clean_name():
                form.add_error(
                    "label", "Write the question in words, not only symbols."
                )
            if form.cleaned_data.get("field_type") in ("radio", "checkboxes") and (
                len(choices_of(form.instance)) < 2
            ):
                form.add_error(
                    "choices",
                    "Give at least two answers to choose from, one on each line.",
                )
        if not kept and "action-publish" in self.data:
            self.add_error(
                None,
                "Add at least one question before publishing this form: under "
                "\u201cQuestions\u201d, choose \u201cAdd question\u201d.",
            )
        return cleaned_data
