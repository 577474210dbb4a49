"""Every shared block renders, optional parts can be empty, and bad values are refused."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

from home import blocks
from tests.factories.home import make_image


def render(block, raw):
    return block.render(block.to_python(raw))


def test_heading_renders_the_chosen_level():
    assert (
        render(blocks.HeadingBlock(), {"text": "Why", "level": "h3"})
        == "<h3>Why</h3>\n"
    )
    assert "<h2>Why</h2>" in render(
        blocks.HeadingBlock(), {"text": "Why", "level": "h2"}
    )


def test_rich_text_renders_and_is_limited_to_the_agreed_features():
    block = blocks.BodyStreamBlock().child_blocks["paragraph"]
    html = block.render(RichText("<p><b>Bold</b> words</p>"))
    assert "<b>Bold</b>" in html
    assert set(block.features) == {
        "h2",
        "h3",
        "h4",
        "bold",
        "italic",
        "ol",
        "ul",
        "link",
        "document-link",
    }
    assert "image" not in block.features and "embed" not in block.features


@pytest.mark.django_db
def test_image_needs_alt_text_or_decorative_tick():
    block = blocks.CaptionedImageBlock()
    image = make_image()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {
                    "image": {"image": image.pk, "alt_text": "", "decorative": False},
                    "caption": "",
                }
            )
        )
    decorative = block.clean(
        block.to_python(
            {
                "image": {"image": image.pk, "alt_text": "", "decorative": True},
                "caption": "",
            }
        )
    )
    html = block.render(decorative)
    assert 'alt=""' in html and 'loading="lazy"' in html
    described = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "A map", "decorative": False},
            "caption": "Our region",
        }
    )
    html = block.render(block.clean(described))
    assert 'alt="A map"' in html and "<figcaption" in html and 'width="' in html


def test_quote_renders_with_and_without_a_source():
    block = blocks.QuoteBlock()
    full = render(
        block,
        {
            "quote": "It helped.",
            "person": "Ana",
            "role": "Director",
            "organisation": "Council",
        },
    )
    assert "<blockquote" in full and "Ana" in full and "Director, Council" in full
    anonymous = render(
        block, {"quote": "It helped.", "person": "", "role": "", "organisation": ""}
    )
    assert "<figcaption" not in anonymous


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"page": None, "url": "", "text": "Go"}, "page"),
        ({"page": None, "url": "javascript:alert(1)", "text": "Go"}, "url"),
        ({"page": None, "url": "https://example.org/", "text": ""}, "text"),
    ],
)
def test_call_to_action_needs_a_safe_page_or_url(value, field):
    block = blocks.CallToActionBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"heading": "Ask", "text": "", "link": value}))
    assert field in error.value.block_errors["link"].block_errors


def test_call_to_action_renders_a_button_to_a_url():
    block = blocks.CallToActionBlock()
    value = block.clean(
        block.to_python(
            {
                "heading": "Ask us",
                "text": "",
                "link": {"page": None, "url": "/enquire/", "text": "Send an enquiry"},
            }
        )
    )
    html = block.render(value)
    assert '<a class="button" href="/enquire/">Send an enquiry</a>' in html


@pytest.mark.django_db
def test_call_to_action_to_a_page_uses_its_title(home_page):
    block = blocks.LinkBlock()
    href, label = blocks.link_target(
        block.to_python({"page": home_page.pk, "url": "", "text": ""})
    )
    assert href == "/" and label == home_page.title


def test_accordion_uses_details_and_summary():
    html = render(
        blocks.AccordionBlock(),
        {
            "heading": "",
            "items": [{"question": "Is it free?", "answer": "<p>Yes.</p>"}],
        },
    )
    assert "<details" in html and "<summary" in html and "Is it free?" in html
    assert "<h2>" not in html


def test_key_facts_render_figures_with_labels():
    html = render(
        blocks.KeyFactsBlock(),
        {"heading": "In numbers", "facts": [{"figure": "6", "label": "partners"}]},
    )
    assert "<dt" in html and "partners" in html and ">6<" in html


def test_video_is_a_link_with_its_text_alternative_and_no_iframe():
    block = blocks.VideoBlock()
    value = block.clean(
        block.to_python(
            {
                "title": "Our story",
                "url": "https://video.example.org/1",
                "transcript": "Words said.",
            }
        )
    )
    html = block.render(value)
    assert (
        "<iframe" not in html
        and "Words said." in html
        and "https://video.example.org/1" in html
    )
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"title": "T", "url": "http://video.example.org/1", "transcript": "x"}
            )
        )
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python(
                {"title": "T", "url": "https://video.example.org/1", "transcript": ""}
            )
        )


@pytest.mark.django_db
def test_document_list_shows_format_and_downloads():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Annual report")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    html = render(
        blocks.DocumentListBlock(), {"heading": "", "documents": [document.pk]}
    )
    assert "Annual report" in html and "(PDF" in html and "download" in html


def test_rich_text_strips_scripts_and_javascript_links_when_saved_from_the_editor():
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=blocks.RICH_TEXT_FEATURES)
    html = '<p>Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a><iframe src="https://e.org"></iframe></p>'
    stored = converter.to_database_format(converter.from_database_format(html))
    assert (
        "<script" not in stored
        and "javascript:" not in stored
        and "<iframe" not in stored
    )
