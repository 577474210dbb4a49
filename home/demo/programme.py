"""The demo programme page: Voices for Improvement."""

from home.demo.build import ensure_child, link, stream
from home.models import ProgrammePage


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
                # Worked out from what the programme records (home/live_figures.py); the
                # keys are the impact report's headline figures.
                "live_figures",
                {
                    "heading": "So far",
                    "figures": [
                        "impact_pairings",
                        "impact_coaching_sessions",
                        "impact_partners_involved",
                    ],
                    "note": "Counted from the programme's own records; a figure about "
                    "fewer than five people says so.",
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
