"""Easy Read versions of demo pages: one short sentence per picture, written for the
demo."""

from home.demo.build import ensure_child, stream
from home.models import EasyReadPage

PROGRAMME_EASY_READ = [
    (
        "programme",
        "Two people talking. One is a coach.",
        "Voices for Improvement helps leaders in health and care do their jobs better.",
    ),
    (
        "hero",
        "Two people sitting at a table, listening to each other.",
        "A leader meets a partner who lives with a health condition or cares for someone.",
    ),
    (
        "support",
        "A small group sharing ideas around a board.",
        "The partner shares what it is like to use health and care services.",
    ),
    (
        "partners",
        "Six people standing together.",
        "Partners are paid for their time. They get training and support.",
    ),
    (
        "network",
        "A circle of people at a meeting.",
        "Leaders learn to plan services together with the people who use them.",
    ),
]

ENQUIRY_EASY_READ = [
    (
        "hero",
        "Two people sitting at a table, talking.",
        "You can ask us for coaching or mentoring if you lead a health or care service.",
    ),
    (
        "support",
        "A group of people writing ideas on a board.",
        "Fill in the form. Tell us who you are and what help you want.",
    ),
    (
        "programme",
        "Two people in a calm conversation.",
        "We reply within five working days.",
    ),
    (
        "partners",
        "Six people standing together.",
        "Tell us if you need anything to take part, like large print or a quiet room.",
    ),
]


def _easy_read_sentences(images, rows):
    return stream(
        *(
            ("sentence", {"image": images[key].pk, "alt_text": alt, "text": text})
            for key, alt, text in rows
        )
    )


def ensure_easy_read_pages(home, programme, images):
    """Easy Read versions of the programme page and the enquiry guidance. The programme
    page is linked to its version only when that version is first made, so an editor's
    later choice stays."""
    existed = EasyReadPage.objects.child_of(programme).filter(slug="easy-read").exists()
    programme_easy = ensure_child(
        programme,
        EasyReadPage,
        "easy-read",
        title="Voices for Improvement: Easy Read",
        sentences=_easy_read_sentences(images, PROGRAMME_EASY_READ),
        original_page=programme,
    )
    if not existed and programme.easy_read_page_id is None:
        programme.easy_read_page = programme_easy
        programme.save_revision().publish()
    enquiry_easy = ensure_child(
        home,
        EasyReadPage,
        "enquiry-easy-read",
        title="How to ask us for help: Easy Read",
        sentences=_easy_read_sentences(images, ENQUIRY_EASY_READ),
    )
    return programme_easy, enquiry_easy
