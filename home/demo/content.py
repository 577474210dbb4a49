"""The demo's general content pages: co-production, about us, privacy, accessibility."""

from home.demo.build import ensure_child, paragraph, stream
from home.models import ContentPage

COPRODUCTION = {
    "title": "What is co-production",
    "summary": "Co-production means people who use health and care services, and unpaid "
    "carers, sharing decisions as equal partners with the people who run them.",
    "blocks": [
        paragraph(
            "Most organisations ask people for their views. Co-production goes further: "
            "people with lived experience sit at the table when decisions are made, with as "
            "much say as anyone else there.",
            "When it is done at a strategic level, it shapes budgets, priorities and how "
            "services are designed, not only how they are described.",
        ),
        ("heading", {"text": "Why it matters", "level": "h2"}),
        paragraph(
            "People who live with a condition, or care for someone who does, know where "
            "services fall short and why. Leaders who hear that directly make better "
            "decisions, and it is one of the most practical ways to reduce health "
            "inequalities."
        ),
        ("heading", {"text": "Sharing power", "level": "h2"}),
        paragraph(
            "Voices for Improvement flips the usual roles: the person with lived experience "
            "is the expert and the leader is the learner. Both sides tell us they learn "
            "from it."
        ),
    ],
}

ABOUT = {
    "title": "About us",
    "summary": "Voices is run by a coalition of health and social care charities, working "
    "with Lived Experience Partners and leaders across England.",
    "blocks": [
        paragraph(
            "We are a coalition of charities that represent people living with a wide range "
            "of health conditions, and the people who care for them.",
            "Our co-production team runs Voices for Improvement together with our Lived "
            "Experience Partners and an advisory group.",
        ),
        ("heading", {"text": "Contact us", "level": "h2"}),
        paragraph(
            'Leaders who want to know more can <a href="/enquire/">send us an enquiry</a>.'
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "summary": "What personal information we hold, why we hold it and the choices you have.",
    "blocks": [
        paragraph(
            "This is a demo privacy notice. A real deployment must replace it with the "
            "organisation's own notice, agreed with its data protection officer."
        ),
        ("heading", {"text": "What we collect", "level": "h2"}),
        paragraph(
            "When you send an enquiry we keep your name, work email, organisation and "
            "message so we can reply. Members can choose to tell us about their health, "
            "caring role or access needs; this is optional and only the staff who need it "
            "can see it."
        ),
        ("heading", {"text": "Your rights", "level": "h2"}),
        paragraph(
            "You can ask for a copy of your information, ask us to correct it, or ask us "
            "to delete it. Members can download their data and ask for deletion from the "
            "portal."
        ),
    ],
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "summary": "How accessible this website is, how we check it, what we know is not "
    "right yet and how to tell us about a problem.",
    "blocks": [
        paragraph(
            "We want everyone who uses health and care services, and everyone who cares for "
            "someone, to be able to use this website. That includes people who use a screen "
            "reader, a magnifier, speech recognition, switch access or only a keyboard, and "
            "people on small or old phones."
        ),
        ("heading", {"text": "What we aim for", "level": "h2"}),
        paragraph(
            "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at "
            "level AA. Some pages also have an Easy Read version, with short sentences and "
            "pictures; look for the Easy Read version link near the top of a page."
        ),
        ("heading", {"text": "How we test it", "level": "h2"}),
        paragraph(
            "Every change to the website runs an automated test suite that opens the site "
            "in the Chromium web browser and goes through the journeys people make: reading "
            "the programme and the news, searching, sending an enquiry, signing in, "
            "expressing interest in an opportunity and running a network.",
            "On every page those journeys visit, the tests run the axe-core accessibility "
            "checker and fail if it finds any WCAG 2.0, 2.1 or 2.2 A or AA problem. Some "
            "journeys are done with the keyboard alone. The tests also check that the first "
            "Tab reaches a skip link, that you can always see where the keyboard focus is, "
            "that each page has one main heading with no skipped levels, and that every form "
            "field has a label and its hints and errors are read out.",
            "They also check that pages work at 320 pixels wide without scrolling sideways, "
            "which is what you see when you zoom a desktop browser to 400%, and that "
            "layouts hold when text is twice its normal size.",
        ),
        ("heading", {"text": "What automated tests cannot tell us", "level": "h2"}),
        paragraph(
            "Automated checks find only some problems. They cannot tell whether a picture's "
            "description makes sense or whether our words are clear. We have not yet had the "
            "site checked by an independent accessibility auditor, and we have not tested "
            "every screen reader. Documents uploaded by editors, such as PDFs, may not be "
            "fully accessible."
        ),
        ("heading", {"text": "Telling us about a problem", "level": "h2"}),
        paragraph(
            "If something is hard to use, or you need information in another format such as "
            'large print, audio or Easy Read, please <a href="/enquire/">contact us</a> and '
            "say which page and what went wrong. We will reply within five working days.",
            "If you are not happy with how we respond, you can contact the Equality Advisory "
            "and Support Service (EASS).",
        ),
    ],
}


def ensure_content_page(parent, slug, spec):
    return ensure_child(
        parent,
        ContentPage,
        slug,
        title=spec["title"],
        summary=spec["summary"],
        body=stream(*spec["blocks"]),
    )
