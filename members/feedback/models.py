"""A feedback form page, its questions and the answers people send.

Built on Wagtail's form builder (`wagtail.contrib.forms`): editors add questions in the
page editor; each may carry a hint and an Easy Read version, and a scale question words
at each end. Answers are stored in `FeedbackSubmission` (never only emailed), with who
sent them when they were signed in and whether they may be quoted.
"""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.fields import RichTextField

from members.feedback import forms as feedback_forms
from members.feedback import services, views

QUESTION_TYPES = (
    ("singleline", "Short answer"),
    ("multiline", "Longer answer"),
    ("radio", "Choose one"),
    ("checkboxes", "Choose any that apply"),
    ("scale", "A scale from 1 to 5"),
    ("yesno", "Yes or no"),
)


class FeedbackQuestion(AbstractFormField):
    page = ParentalKey(
        "members.FeedbackPage", on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        "type of question", max_length=16, choices=QUESTION_TYPES
    )
    field_type.required_on_save = True
    easy_read = models.CharField(
        "Easy Read version",
        max_length=255,
        blank=True,
        help_text="The question in short, plain words, shown under it.",
    )
    scale_low = models.CharField(
        "words at 1", max_length=60, blank=True, default="Not at all"
    )
    scale_high = models.CharField(
        "words at 5", max_length=60, blank=True, default="Very much"
    )

    panels = [
        FieldPanel("label", heading="Question"),
        FieldPanel("field_type", required_on_save=True),
        FieldPanel(
            "help_text",
            heading="Hint",
            help_text="Optional: a short note under the question, such as an example.",
        ),
        FieldPanel("easy_read"),
        FieldPanel("required", heading="An answer is needed"),
        FieldPanel(
            "choices",
            help_text="For \u201cChoose one\u201d and \u201cChoose any that apply\u201d: "
            "each answer on its own line.",
        ),
        FieldPanel("scale_low"),
        FieldPanel("scale_high"),
    ]


class FeedbackPage(AbstractForm):
    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ol", "ul"])
    thank_you_text = RichTextField(
        blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    ask_quote_consent = models.BooleanField(
        "ask whether we may quote them",
        default=True,
        help_text="Adds a last question: may we quote what you wrote, without your name?",
    )
    event = models.ForeignKey(
        "members.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_pages",
        help_text="Sent to the people who came, once the event is over.",
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel(
            "intro", help_text="Shown above the questions: what the form is about."
        ),
        InlinePanel("form_fields", heading="Questions", label="question"),
        FieldPanel(
            "thank_you_text",
            help_text="Shown once someone has sent their answers: what happens next.",
        ),
        MultiFieldPanel(
            [FieldPanel("ask_quote_consent"), FieldPanel("event")],
            heading="Quotes and events",
        ),
    ]

    base_form_class = feedback_forms.FeedbackPageForm
    form_builder = feedback_forms.FeedbackFormBuilder
    template = views.FORM_TEMPLATE
    landing_page_template = views.THANKS_TEMPLATE
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    search_kind = "Form"  # what search results call it

    class Meta:
        verbose_name = "feedback form"

    def get_form_fields(self):
        """The questions, read once a request however often the form is built from them."""
        if "_questions" not in self.__dict__:
            self._questions = list(super().get_form_fields())
        return self._questions

    def get_form_class(self):
        """The editor's questions, then the quote consent tick when the page asks it."""
        form_class = super().get_form_class()
        if not self.ask_quote_consent:
            return form_class
        return type(
            "FeedbackForm",
            (form_class,),
            {feedback_forms.QUOTE_FIELD: feedback_forms.quote_consent_field()},
        )

    def get_submission_class(self):
        return FeedbackSubmission

    def get_data_fields(self):
        """The columns of the admin listing and its export: never who sent them."""
        return [
            *super().get_data_fields(),
            ("signed_in", "Signed in"),
            ("quote_consent", "May we quote them"),
        ]

    def get_submissions_list_view_class(self):
        # Wagtail's admin views load only once the models have (so not at import here).
        from members.feedback.submissions import FeedbackSubmissionsListView

        return FeedbackSubmissionsListView

    def process_form_submission(self, form):
        return services.store_answers(self, form, form.user)

    def serve(self, request, *args, **kwargs):
        return views.serve_form(request, self)


class FeedbackSubmission(AbstractFormSubmission):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quote_consent = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["page", "submit_time"])]

    def get_data(self):
        return {
            **super().get_data(),
            "signed_in": "Yes" if self.user_id else "No",
            "quote_consent": "Yes" if self.quote_consent else "No",
        }
