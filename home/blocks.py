"""StreamField blocks shared by every page type, so editors learn one set of tools.

Rich text is limited to a small feature list: Wagtail's editor converter drops anything
outside it on save, which also keeps crafted HTML (scripts, iframes, `style=`) out of pages.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from home import live_figures

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page title is the only h1, so only h2 and h3 are offered."""

    text = blocks.CharBlock(max_length=120, help_text="Keep headings short and plain.")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Sub-heading (h3)")],
        default="h2",
        help_text="Use a sub-heading only under a section heading.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or an explicit decorative tick) and an optional caption."""

    image = ImageBlock(
        help_text="Describe what the image shows for people who cannot see it, "
        "or tick 'decorative' if it adds nothing to the text."
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Optional: shown under the image, for credit or context.",
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A testimonial: what someone said, and who they are."""

    quote = blocks.TextBlock(
        max_length=800, help_text="The words, without quote marks."
    )
    person = blocks.CharBlock(
        required=False, max_length=120, help_text="Leave empty to keep it anonymous."
    )
    role = blocks.CharBlock(required=False, max_length=120)
    organisation = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Quote or testimonial"
        template = "blocks/quote_block.html"


def _check_url(url):
    scheme = urlsplit(url).scheme.lower()
    if url and not url.startswith("/") and scheme not in {"http", "https", "mailto"}:
        raise ValidationError(
            "Use a web address starting https://, or a path like /enquire/."
        )


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to a web address: exactly one of the two."""

    page = blocks.PageChooserBlock(
        required=False, help_text="Choose a page on this site, or give a web address."
    )
    url = blocks.CharBlock(
        required=False,
        max_length=500,
        label="Web address",
        help_text="For example https://example.org/ or /enquire/. Leave empty if you chose a page.",
    )
    text = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text="The words people click. Defaults to the page title.",
    )

    class Meta:
        icon = "link"
        label = "Link"
        template = "blocks/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        page, url = value.get("page"), value.get("url")
        if not page and not url:
            errors["page"] = ErrorList(["Choose a page or enter a web address."])
        elif page and url:
            errors["url"] = ErrorList(["Choose a page or a web address, not both."])
        elif url:
            try:
                _check_url(url)
            except ValidationError as error:
                errors["url"] = ErrorList(error.messages)
        if not page and url and not value.get("text"):
            errors["text"] = ErrorList(
                ["Add the words people click for a web address."]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["href"], context["label"] = link_target(value, request)
        return context


def link_target(value, request=None):
    """(href, label) of a LinkBlock value, used by templates and the navigation tags.
    With the request, the site's root paths are read once per request, not once per link."""
    page, url = value.get("page"), value.get("url")
    if page:
        return page.get_url(request) or "", value.get("text") or page.title
    return url or "", value.get("text") or url or ""


class CallToActionBlock(blocks.StructBlock):
    """A panel asking people to do one thing, linking to a page or a web address."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    link = LinkBlock(help_text="Where the button goes.")

    class Meta:
        icon = "pick"
        label = "Call to action"
        template = "blocks/call_to_action_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label="Question or title")
    answer = blocks.RichTextBlock(features=SHORT_RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (HTML `<details>`, no script needed)."""

    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Accordion or FAQ"
        template = "blocks/accordion_block.html"


class KeyFactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text="For example 6, 14 or 200+.")
    label = blocks.CharBlock(max_length=120, help_text="What the figure counts.")


class KeyFactsBlock(blocks.StructBlock):
    """A few headline figures with what they mean."""

    heading = blocks.CharBlock(required=False, max_length=120)
    facts = blocks.ListBlock(KeyFactBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = "Key facts and figures"
        template = "blocks/key_facts_block.html"


class LiveFiguresBlock(blocks.StructBlock):
    """Figures worked out from what the programme records (home/live_figures.py): the
    editor chooses which; a figure about fewer than five people says so instead."""

    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.MultipleChoiceBlock(
        choices=live_figures.choices,
        help_text="Choose up to six. They update by themselves as the programme goes on.",
    )
    note = blocks.CharBlock(
        required=False,
        max_length=160,
        help_text="Optional: what the figures cover, for example 'Since April 2024'.",
    )

    class Meta:
        icon = "table"
        label = "Live figures (in numbers)"
        template = "blocks/live_figures_block.html"

    def clean(self, value):
        value = super().clean(value)
        if len(value.get("figures") or []) > 6:
            raise StructBlockValidationError(
                block_errors={"figures": ErrorList(["Choose six figures at most."])}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["figures"] = live_figures.chosen(value.get("figures"))
        return context


class VideoBlock(blocks.StructBlock):
    """A video shown as a link with its transcript: the public site makes no third-party
    requests (design.md §5) and the content security policy forbids other sites' frames."""

    title = blocks.CharBlock(max_length=160)
    url = blocks.URLBlock(
        label="Video web address", help_text="The page where the video can be watched."
    )
    transcript = blocks.TextBlock(
        label="Text alternative",
        help_text="A transcript or full description, so people who cannot watch or hear "
        "the video get the same information.",
    )

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        if urlsplit(value.get("url") or "").scheme != "https":
            raise StructBlockValidationError(
                block_errors={
                    "url": ErrorList(["Use a web address starting https://."])
                }
            )
        return value


class DocumentListBlock(blocks.StructBlock):
    """Downloads, each with its format and size shown so people know what they get."""

    heading = blocks.CharBlock(required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1)

    class Meta:
        icon = "doc-full"
        label = "Document list"
        template = "blocks/document_list_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of content, programme and news pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label="Rich text",
        template="blocks/rich_text_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    key_facts = KeyFactsBlock()
    live_figures = LiveFiguresBlock()
    video = VideoBlock()
    documents = DocumentListBlock()


class StepBlock(blocks.StructBlock):
    """One step in how a programme works; steps are numbered in the order given."""

    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "list-ol"
        label = "Step"


class PartnerBlock(blocks.StructBlock):
    """An organisation the programme works with."""

    name = blocks.CharBlock(max_length=160)
    url = blocks.URLBlock(required=False, label="Web address")
    description = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "group"
        label = "Partner"


class SocialLinkBlock(blocks.StructBlock):
    """A link to the organisation on another site, named in words (no icon fonts)."""

    name = blocks.CharBlock(max_length=40, help_text="For example Bluesky or LinkedIn.")
    url = blocks.URLBlock(label="Web address")

    class Meta:
        icon = "site"
        label = "Social link"
