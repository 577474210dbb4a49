"""The public "in numbers" block: editors choose figures features supply; a figure about
fewer than five people says so; once worked out, showing them asks the database nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.blocks.struct_block import StructBlockValidationError

from home import live_figures
from home.blocks import LiveFiguresBlock
from tests.factories.home import make_programme_page

CALLS = []


def supplied():
    def count():
        CALLS.append(1)
        return "1,204"

    return [
        ("leaders_coached", "Leaders coached", count),
        ("partners_paid", "Partners paid this year", lambda: "fewer than 5"),
    ]


@pytest.fixture
def figures(db):
    live_figures.forget()
    CALLS.clear()
    with hooks.register_temporarily(live_figures.HOOK, supplied):
        yield
    live_figures.forget()


def test_editors_choose_from_the_figures_features_supply(figures):
    offered = live_figures.choices()
    assert ("leaders_coached", "Leaders coached") in offered
    assert ("partners_paid", "Partners paid this year") in offered
    block = LiveFiguresBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(
            block.to_python({"heading": "", "figures": ["made_up"], "note": ""})
        )
    assert "Select a valid choice" in str(refused.value.block_errors["figures"])


def test_the_page_shows_the_chosen_figures_and_small_numbers_as_such(
    client, figures, home_page
):
    page = make_programme_page(
        home_page,
        body=[
            (
                "live_figures",
                {
                    "heading": "The programme in numbers",
                    "figures": ["partners_paid", "leaders_coached", "gone_away"],
                    "note": "Since April 2024",
                },
            )
        ],
    )
    html = client.get(page.url).content.decode()
    assert html.index("Partners paid this year") < html.index("Leaders coached")
    assert "fewer than 5" in html and "1,204" in html and "Since April 2024" in html
    assert "gone_away" not in html
    # Worked out once for the whole site: the next visit asks the providers nothing, and
    # the block adds no query to the page.
    client.get(page.url)
    assert len(CALLS) == 1
    plain = make_programme_page(home_page)
    client.get(plain.url)
    with CaptureQueriesContext(connection) as without:
        client.get(plain.url)
    with CaptureQueriesContext(connection) as with_block:
        client.get(page.url)
    assert len(with_block) == len(without)


def test_the_impact_reports_headline_figures_are_offered_with_their_protection(db):
    live_figures.forget()
    offered = dict(live_figures.choices())
    impact = {key: label for key, label in offered.items() if key.startswith("impact_")}
    assert impact, "the impact report registers its headline figures"
    shown = dict(live_figures.values())
    for (
        key
    ) in impact:  # an empty programme: nothing to reveal, nothing under five shown
        assert shown[key][1] in ("0", "fewer than 5")
    live_figures.forget()
