"""A feedback form that holds answers is not deleted with them.

Wagtail deletes a form's stored answers with its page (and a page's with any page above
it), which would end them before their retention period and out of sight of the staff
who keep them. Deleting such a page, one at a time or in bulk, is refused with a message
saying how to stop new answers (unpublish) or to let the page go (download, then delete
the answers from its answers list)."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect

from members.feedback.models import FeedbackSubmission


def answers_held(pages):
    """How many stored answers these pages, and every page below them, hold."""
    if not pages:
        return 0
    below = Q()
    for page in pages:
        below |= Q(page__path__startswith=page.path)
    return FeedbackSubmission.objects.filter(below).count()


def refuse_if_answers(request, pages, back_to):
    """A redirect with the reason when any of `pages` would take answers with it."""
    count = answers_held(pages)
    if not count:
        return None
    answers = "1 feedback answer" if count == 1 else f"{count} feedback answers"
    messages.error(
        request,
        f"This cannot be deleted: it would delete {answers} with it. To stop new "
        "answers, unpublish the form instead. To delete it, first download the answers "
        "you need, then delete them from the form's answers list (Feedback in the menu).",
    )
    return redirect(back_to)
