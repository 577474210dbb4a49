"""Demo content for the editorial site, built idempotently by `manage.py load_demo`.

Every function looks for what it would create and leaves existing content alone, so a second
run adds no pages, revisions, images or people. The text is written for the demo from the
programme's public facts; the people are invented and marked as demo.
"""

import datetime
import json
from io import BytesIO

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, Page, Site, Workflow, WorkflowPage

from home.models import (
    ContentPage,
    EasyReadPage,
    HomePage,
    NavigationSettings,
    NewsIndexPage,
    NewsPage,
    OrganisationSettings,
    PeopleIndexPage,
    Person,
    PersonKind,
    ProgrammePage,
)

BRAND = (11, 93, 99)
BRAND_DARK = (7, 57, 61)
WARM = (244, 200, 90)
LIGHT = (243, 242, 241)


def load():
    home = ensure_home_page()
    ensure_site(home)
    ensure_moderation_workflow()
    images = ensure_images()
    people = ensure_people(images)
    programme = ensure_programme_page(home, images)
    coproduction = ensure_content_page(home, "what-is-co-production", COPRODUCTION)
    about = ensure_content_page(home, "about-us", ABOUT)
    ensure_people_page(about)
    privacy = ensure_content_page(home, "privacy", PRIVACY)
    accessibility = ensure_content_page(home, "accessibility", ACCESSIBILITY)
    news = ensure_news(home, images, people)
    ensure_home_content(home, programme, images)
    ensure_easy_read_pages(home, programme, images)
    ensure_settings(
        Site.objects.get(is_default_site=True),
        menu=[programme, coproduction, news, about],
        privacy=privacy,
        accessibility=accessibility,
    )
    return home


def ensure_home_page():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's first migration leaves a "Welcome" placeholder at the slug we want.
        for placeholder in root.get_children().exclude(
            content_type__model="homepage", content_type__app_label="home"
        ):
            if placeholder.slug == "home":
                placeholder.delete()
        home = HomePage(
            title="Voices",
            slug="home",
            seo_title="Voices: lived experience shaping health and care",
            intro=(
                "People with long-term conditions and unpaid carers working one to one with "
                "senior leaders, so that health and care services are shaped with the people "
                "who use them."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    return home


def ensure_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Voices",
        )
    elif site.root_page_id != home.pk or site.site_name != "Voices":
        site.root_page = home
        site.site_name = "Voices"
        site.save()


def ensure_moderation_workflow():
    """A "Moderators approval" workflow on the root, so every page goes through review."""
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return None
    task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Moderators approval")
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
    workflow = Workflow.objects.filter(name="Moderators approval").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderators approval", active=True)
    if not workflow.workflow_tasks.filter(task=task).exists():
        workflow.workflow_tasks.create(task=task, sort_order=0)
    root = Page.get_first_root_node()
    if not WorkflowPage.objects.filter(page=root).exists():
        WorkflowPage.objects.create(page=root, workflow=workflow)
    return workflow


# Images: drawn here with Pillow, never downloaded.

IMAGES = {
    "hero": (
        "Demo: two people talking at a table",
        "An illustration of two people sitting across a table in conversation.",
    ),
    "programme": (
        "Demo: coaching conversation",
        "An illustration of a coaching conversation between two people.",
    ),
    "network": (
        "Demo: network meeting",
        "An illustration of a circle of people at a regional network meeting.",
    ),
    "partners": (
        "Demo: six partners",
        "An illustration of six people standing together.",
    ),
    "support": (
        "Demo: leaders and partners learning together",
        "An illustration of a small group sharing ideas around a board.",
    ),
}


def _draw_people(draw, count, width, height, seed):
    spacing = width // (count + 1)
    for index in range(count):
        x = spacing * (index + 1)
        y = height // 2 + (index % 2) * 30 - 10
        colour = WARM if (index + seed) % 2 else LIGHT
        draw.ellipse((x - 45, y - 150, x + 45, y - 60), fill=colour)
        draw.rounded_rectangle(
            (x - 75, y - 45, x + 75, y + 200), radius=60, fill=colour
        )


def placeholder_image_bytes(key, size=(1200, 675)):
    """A simple, friendly illustration in the site's colours, as PNG bytes."""
    width, height = size
    image = PILImage.new("RGB", size, BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 3 // 4, width, height), fill=BRAND_DARK)
    counts = {"hero": 2, "programme": 2, "network": 5, "partners": 6, "support": 4}
    _draw_people(draw, counts.get(key, 3), width, height, seed=len(key))
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def portrait_bytes(initials, seed):
    image = PILImage.new("RGB", (400, 400), BRAND if seed % 2 else BRAND_DARK)
    draw = ImageDraw.Draw(image)
    draw.ellipse((130, 70, 270, 210), fill=WARM)
    draw.rounded_rectangle((90, 230, 310, 460), radius=90, fill=LIGHT)
    draw.text((20, 20), initials, fill=LIGHT)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(title, description, make_bytes, filename):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(BytesIO(make_bytes()), name=filename)
        image.save()
    return image


def ensure_images():
    return {
        key: ensure_image(
            title,
            description,
            lambda key=key: placeholder_image_bytes(key),
            f"demo-{key}.png",
        )
        for key, (title, description) in IMAGES.items()
    }


# People: invented for the demo.

PEOPLE = [
    # name, role, kind, bio, sort order
    (
        "Amira Haddad",
        "Co-production Manager",
        PersonKind.STAFF,
        "Amira co-leads the programme and looks after the partnership with regional "
        "networks. She has cared for a family member for many years.",
        1,
    ),
    (
        "Tom Ellery",
        "Head of Experience",
        PersonKind.STAFF,
        "Tom co-leads the programme and makes sure what partners learn reaches the "
        "organisations that can act on it.",
        2,
    ),
    (
        "Grace Mensah",
        "Lived Experience Partner",
        PersonKind.PARTNER,
        "Grace lives with a long-term lung condition and coaches senior leaders in "
        "adult social care.",
        1,
    ),
    (
        "Owen Price",
        "Lived Experience Partner",
        PersonKind.PARTNER,
        "Owen is an unpaid carer for his son and mentors leaders who are new to "
        "co-production.",
        2,
    ),
    (
        "Dr Nadia Rahman",
        "Advisory group member",
        PersonKind.ADVISER,
        "Nadia advises the programme on how to measure what changes when leaders "
        "share power.",
        1,
    ),
]


def ensure_people(images):
    people = {}
    for index, (name, role, kind, bio, order) in enumerate(PEOPLE):
        person = Person.objects.filter(name=name, is_demo=True).first()
        if person is None:
            initials = "".join(part[0] for part in name.replace("Dr ", "").split())
            photo = ensure_image(
                f"Demo portrait: {name}",
                f"Illustrated placeholder portrait for {name}.",
                lambda initials=initials, index=index: portrait_bytes(initials, index),
                f"demo-portrait-{index}.png",
            )
            person = Person.objects.create(
                name=name,
                role=role,
                kind=kind,
                bio=bio,
                sort_order=order,
                photo=photo,
                photo_alt_text=f"Illustrated placeholder portrait of {name}",
                is_demo=True,
            )
        people[name] = person
    return people


# Pages


def ensure_child(parent, model, slug, **fields):
    """The child of `parent` at `slug`, created and published only if it is missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def paragraph(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def link(url="", text="", page=None):
    return {"page": page.pk if page else None, "url": url, "text": text}


def ensure_programme_page(home, images):
    return ensure_child(
        home,
        ProgrammePage,
        "voices-for-improvement",
        title="Voices for Improvement",
        summary=(
            "Coaching and mentoring for senior leaders in health and care, given by people "
            "who live with long-term conditions or care for someone who does."
        ),
        listing_image=images["programme"],
        who_it_is_for=(
            "<p>Directors, chief executives and other senior leaders in health and social "
            "care who want to put co-production at the heart of how they make decisions.</p>"
            "<p>It suits leaders who are ready to hear honest accounts of what it is like to "
            "use services, and who want time away from the day job to think.</p>"
        ),
        steps=stream(
            (
                "step",
                {
                    "title": "Tell us what you hope for",
                    "text": "Send an enquiry. We talk with you about your role, your "
                    "organisation and what you want to change.",
                },
            ),
            (
                "step",
                {
                    "title": "Meet your Lived Experience Partner",
                    "text": "We match you with a partner whose experience fits your "
                    "questions. You agree together how often to meet.",
                },
            ),
            (
                "step",
                {
                    "title": "Coaching sessions, one to one",
                    "text": "Your partner shares what has worked and what has not, and "
                    "helps you reflect on your own leadership in a confidential space.",
                },
            ),
            (
                "step",
                {
                    "title": "Carry it into your organisation",
                    "text": "We help you plan how to make co-production part of everyday "
                    "decisions, and stay in touch as it grows.",
                },
            ),
        ),
        testimonials=stream(
            (
                "quote",
                {
                    "quote": "Being coached by someone who has used our services changed "
                    "the questions I ask in every meeting.",
                    "person": "",
                    "role": "Director of adult social care",
                    "organisation": "A West Midlands council (demo quote)",
                },
            ),
        ),
        partners=stream(
            (
                "partner",
                {
                    "name": "West Midlands ADASS",
                    "url": "",
                    "description": "The region's directors of adult social services, "
                    "partners in the coaching pilot and the regional network.",
                },
            ),
            (
                "partner",
                {
                    "name": "NHS England Core20PLUS5 programmes",
                    "url": "",
                    "description": "Leaders tackling health inequalities, supported by "
                    "our Lived Experience Partners.",
                },
            ),
        ),
        body=stream(
            (
                "key_facts",
                {
                    "heading": "The programme in numbers",
                    "facts": [
                        {
                            "figure": "6",
                            "label": "Lived Experience Partners who helped design it in 2020",
                        },
                        {
                            "figure": "14",
                            "label": "regional directors in the West Midlands ADASS pilot",
                        },
                        {
                            "figure": "1:1",
                            "label": "every coaching relationship is one to one",
                        },
                    ],
                },
            ),
            (
                "accordion",
                {
                    "heading": "Questions leaders ask",
                    "items": [
                        {
                            "question": "Is it confidential?",
                            "answer": "<p>Yes. What you talk about stays between you and "
                            "your partner unless you both agree otherwise.</p>",
                        },
                        {
                            "question": "How much time does it take?",
                            "answer": "<p>Most leaders meet their partner for about an hour "
                            "once a month, for six months.</p>",
                        },
                    ],
                },
            ),
        ),
        cta_heading="Ask about coaching for your leaders",
        cta_text="Tell us a little about your organisation and we will get back to you "
        "within five working days.",
        cta_link=stream(("link", link("/enquire/", "Send an enquiry"))),
    )


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


def ensure_people_page(parent):
    return ensure_child(
        parent,
        PeopleIndexPage,
        "people",
        title="Our people",
        intro="The staff, Lived Experience Partners and advisers behind the programme. "
        "Everyone on this demo site is invented.",
    )


NEWS = [
    {
        "slug": "six-lived-experience-partners-shape-voices-for-improvement",
        "title": "Six Lived Experience Partners shape Voices for Improvement",
        "date": datetime.date(2020, 3, 20),
        "summary": "Six people with long-term conditions and caring roles joined us to "
        "design a new coaching programme for senior leaders.",
        "image": "partners",
        "authors": ["Amira Haddad"],
        "tags": ["Lived Experience Partners", "Programme news"],
        "body": [
            paragraph(
                "In March 2020 we brought together six Lived Experience Partners: people "
                "who live with long-term health conditions or care, unpaid, for someone "
                "who does.",
                "Their job was to help us design Voices for Improvement from the start, so "
                "that the coaching would be shaped by the people it is meant to serve.",
            ),
            (
                "quote",
                {
                    "quote": "We wanted leaders to hear the whole story, the good and the "
                    "hard parts, and to feel safe asking questions.",
                    "person": "Grace Mensah",
                    "role": "Lived Experience Partner (demo person)",
                    "organisation": "",
                },
            ),
        ],
    },
    {
        "slug": "coaching-pilot-with-west-midlands-adass",
        "title": "Coaching pilot begins with West Midlands ADASS",
        "date": datetime.date(2022, 9, 14),
        "summary": "Two senior leaders in West Midlands adult social care are now being "
        "coached by Lived Experience Partners.",
        "image": "programme",
        "authors": ["Amira Haddad", "Tom Ellery"],
        "tags": ["West Midlands", "Coaching"],
        "body": [
            paragraph(
                "West Midlands ADASS, the association of the region's directors of adult "
                "social services, asked us to help balance power between the people who use "
                "services and the leaders who run them.",
                "They were looking for a new way to support the leadership of all 14 "
                "directors in the region. A small pilot has started, with two senior "
                "leaders who volunteered to try it first.",
            ),
            paragraph(
                "Each leader meets a Lived Experience Partner one to one. We will share "
                "what both sides learn once the pilot ends."
            ),
        ],
    },
    {
        "slug": "new-west-midlands-regional-co-production-network",
        "title": "A new regional co-production network for the West Midlands",
        "date": datetime.date(2022, 10, 5),
        "summary": "The West Midlands now has a regional co-production network, led "
        "jointly by a lived-experience co-leader and a director of adult social care.",
        "image": "network",
        "authors": ["Tom Ellery"],
        "tags": ["West Midlands", "Networks"],
        "body": [
            paragraph(
                "Alongside the coaching pilot, the West Midlands has set up a new regional "
                "co-production network.",
                "It has two co-chairs: one brings lived experience of caring, the other is "
                "a council director of adult social care. Sharing the chair means the "
                "network earns trust from communities and from organisations at the same "
                "time.",
            ),
            paragraph(
                "The network will bring people who use services, carers and leaders "
                "together to make co-production part of how the region plans care."
            ),
        ],
    },
    {
        "slug": "supporting-nhs-england-core20plus5",
        "title": "Our partners support NHS England's Core20PLUS5 programmes",
        "date": datetime.date(2022, 11, 24),
        "summary": "In November our Lived Experience Partners worked with leaders on NHS "
        "England's Core20PLUS5 programmes to reduce health inequalities.",
        "image": "support",
        "authors": ["Amira Haddad"],
        "tags": ["Health inequalities", "Programme news"],
        "body": [
            paragraph(
                "Core20PLUS5 is NHS England's approach to reducing health inequalities. In "
                "November, members of our Lived Experience community supported leaders "
                "taking part in its programmes.",
                "The leaders had already committed to co-production in their own areas; our "
                "partners helped them think through how to make it stick.",
            ),
        ],
    },
]


def ensure_news(home, images, people):
    index = ensure_child(
        home,
        NewsIndexPage,
        "news",
        title="News",
        intro="What is happening in the programme, the networks and the people behind "
        "them.",
    )
    for spec in NEWS:
        if NewsPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        article = NewsPage(
            slug=spec["slug"],
            title=spec["title"],
            date=spec["date"],
            summary=spec["summary"],
            listing_image=images[spec["image"]],
            body=stream(*spec["body"]),
        )
        article.authors = [people[name] for name in spec["authors"]]
        article.tags.add(*spec["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
    return index


def ensure_home_content(home, programme, images):
    """Fill the home page's hero once; later edits by editors are left alone."""
    home = HomePage.objects.get(pk=home.pk)
    if home.hero_heading:
        return home
    home.hero_heading = "Lived experience, shaping health and care"
    home.hero_text = (
        "People who live with long-term conditions, and unpaid carers, coach senior "
        "leaders one to one, so the people who use services help decide how they work."
    )
    home.hero_image = images["hero"]
    home.hero_image_alt = IMAGES["hero"][1]
    home.hero_actions = stream(
        ("link", link("/enquire/", "Ask about coaching")),
        ("link", link(page=programme, text="How the programme works")),
    )
    home.featured_programme = programme
    home.save_revision().publish()
    return home


def ensure_settings(site, menu, privacy, accessibility):
    organisation = OrganisationSettings.for_site(site)
    if not organisation.organisation_name:
        organisation.organisation_name = "Voices (demo organisation)"
        organisation.contact_email = "voices@example.org"
        organisation.postal_address = "1 Example Street\nBirmingham\nB1 1AA"
        organisation.charity_number = "0000000 (demo)"
        organisation.footer_text = (
            "Voices is a co-production programme: people with lived experience working "
            "alongside leaders in health and care."
        )
        organisation.privacy_page = privacy
        organisation.accessibility_page = accessibility
        organisation.save()
    navigation = NavigationSettings.for_site(site)
    if not len(navigation.main_menu):
        navigation.main_menu = stream(
            *[("link", link(page=page, text=_menu_label(page))) for page in menu]
        )
        navigation.footer_links = stream(
            ("link", link("/enquire/", "Contact us")),
            ("link", link("/news/feed/", "News feed (RSS)")),
        )
        navigation.save()


def _menu_label(page):
    return {"what-is-co-production": "Co-production"}.get(page.slug, page.title)


# Easy Read: one short sentence per picture, written for the demo.

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
