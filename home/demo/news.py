"""Demo news articles and the news index."""

import datetime

from home.demo.build import ensure_child, paragraph, stream
from home.models import NewsIndexPage, NewsPage

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
