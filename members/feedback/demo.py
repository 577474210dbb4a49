"""Demo feedback forms: "Tell us how we did" at /feedback/, and a form attached to the
demo webinar, emailed to the people who came once it is over. Idempotent: a form that
exists (found by its slug) is left as editors may have changed it."""

from members.events.models import Event
from members.feedback.models import FeedbackPage, FeedbackQuestion

WEBINAR = "co-production-in-commissioning-webinar"

HOW_WE_DID = [
    {
        "label": "How well did we listen to you?",
        "field_type": "scale",
        "easy_read": "Did we listen? Pick 1 for no, 5 for yes, a lot.",
        "scale_low": "Not at all",
        "scale_high": "Very well",
    },
    {
        "label": "Would you take part again?",
        "field_type": "yesno",
        "easy_read": "Would you do it again?",
    },
    {
        "label": "What could we do better?",
        "field_type": "multiline",
        "required": False,
        "help_text": "For example, the time of day, the papers, or how we kept in touch.",
        "easy_read": "Tell us what to change.",
    },
]

WEBINAR_QUESTIONS = [
    {
        "label": "How useful was the webinar for your work?",
        "field_type": "scale",
        "easy_read": "Did the webinar help you? Pick 1 for no, 5 for a lot.",
        "scale_low": "Not useful",
        "scale_high": "Very useful",
    },
    {
        "label": "What will you do differently?",
        "field_type": "multiline",
        "required": False,
        "easy_read": "What will you change after the webinar?",
    },
]


def load():
    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        return
    ensure_form(
        home,
        slug="feedback",
        title="Tell us how we did",
        intro="<p>Your answers help us make co-production work better for everyone. "
        "It takes about 3 minutes.</p>",
        questions=HOW_WE_DID,
    )
    webinar = Event.objects.filter(slug=WEBINAR).first()
    if webinar is not None:
        ensure_form(
            home,
            slug="webinar-feedback",
            title="Your feedback on the co-production in commissioning webinar",
            intro="<p>Thank you for coming. Tell us what worked and what to change.</p>",
            questions=WEBINAR_QUESTIONS,
            event=webinar,
        )


def ensure_form(home, slug, title, intro, questions, event=None):
    page = FeedbackPage.objects.filter(slug=slug).first()
    if page is not None:
        return page
    page = FeedbackPage(
        title=title,
        slug=slug,
        intro=intro,
        thank_you_text="<p>The programme team reads every answer. We share what we "
        "changed in our news.</p>",
        ask_quote_consent=True,
        event=event,
    )
    page.form_fields = [
        FeedbackQuestion(sort_order=order, **question)
        for order, question in enumerate(questions)
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
