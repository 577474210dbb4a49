"""The only writer of feedback answers: storing what someone sent.

Answers are always stored (never only emailed), with who sent them when they were signed in
and whether they said we may quote them. The quote consent counts only on a form that asks
for it, so a hand-made POST cannot mark answers as quotable.
"""

from django.db import transaction

from members.feedback.forms import QUOTE_FIELD


@transaction.atomic
def store_answers(page, form, user=None):
    """Store one person's answers to `page` from a valid `form`; returns the submission."""
    answers = dict(form.cleaned_data)
    consent = bool(answers.pop(QUOTE_FIELD, False)) and page.ask_quote_consent
    signed_in = user is not None and user.is_authenticated
    return page.get_submission_class().objects.create(
        page=page,
        form_data=answers,
        user=user if signed_in else None,
        quote_consent=consent,
    )
