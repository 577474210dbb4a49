"""The public face of the networks: an index of networks and one page per network."""

from django.db import models
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.routing import QuickRouteMixin
from networks.models.choices import JoinMode, NetworkStatus
from website import fragments


class NetworkBodyBlock(blocks.StreamBlock):
    """What editors may put in a network page's body: headed sections of formatted text."""

    heading = blocks.CharBlock(
        max_length=120,
        form_classname="title",
        icon="title",
        label="Heading",
        template="networks/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        label="Text",
        template="networks/blocks/paragraph.html",
    )


class NetworkIndexPage(QuickRouteMixin, Page):
    """`/networks/`: lists every regional co-production network for visitors and members."""

    search_kind = "Networks"  # what search results call it

    intro = models.TextField(
        blank=True,
        max_length=600,
        help_text="A sentence or two saying what the regional networks are for.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["networks.NetworkPage"]
    child_page_model = "networks.NetworkPage"
    max_count = 1

    class Meta:
        verbose_name = "network index page"

    def get_context(self, request, *args, **kwargs):
        from networks import reading  # at call time: reading loads the other models

        context = super().get_context(request, *args, **kwargs)
        # A list, so the template shows what was loaded and runs no query of its own; the
        # same for everyone, so built once and kept (website/fragments.py).
        context["networks"] = fragments.cached(
            request,
            f"networks:{self.pk}",
            lambda: list(reading.network_listing(NetworkPage.objects.child_of(self))),
        )
        return context


class NetworkPage(QuickRouteMixin, Page):
    """One regional co-production network: who leads it, how to join, meetings and updates."""

    search_kind = "Network"  # what search results call it

    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The region this network covers.",
    )
    status = models.CharField(
        max_length=20,
        choices=NetworkStatus.choices,
        default=NetworkStatus.ACTIVE,
        help_text="Networks being set up are listed but say so.",
    )
    purpose = models.CharField(
        max_length=250,
        help_text="One line saying what the network is for; shown in the list of networks.",
    )
    how_to_join = models.TextField(
        blank=True,
        max_length=1500,
        help_text="Who can join and what happens after asking, in plain words.",
    )
    meeting_pattern = models.CharField(
        max_length=250,
        blank=True,
        help_text="For example: 'Every other month, online and in Birmingham'.",
    )
    contact_email = models.EmailField(
        blank=True,
        help_text="Optional public address for the network; enquiries go through the form.",
    )
    body = StreamField(
        NetworkBodyBlock(),
        blank=True,
        use_json_field=True,
        help_text="More about the network: what it works on, what it has achieved.",
    )
    join_mode = models.CharField(
        max_length=20,
        choices=JoinMode.choices,
        default=JoinMode.REQUEST,
        help_text="How members join. Programme staff decide this with the co-chairs.",
    )
    moderate_updates = models.BooleanField(
        default=True,
        help_text="Co-chair updates wait for staff approval before they are published.",
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose"),
        index.SearchField("how_to_join"),
        index.SearchField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("region"),
        FieldPanel("status"),
        FieldPanel("purpose"),
        FieldPanel("how_to_join"),
        FieldPanel("meeting_pattern"),
        FieldPanel("contact_email"),
        FieldPanel("body"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("join_mode"), FieldPanel("moderate_updates")],
            heading="Membership and updates",
        ),
        *Page.settings_panels,
    ]
    parent_page_types = ["networks.NetworkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "network page"

    @property
    def is_setting_up(self):
        return self.status == NetworkStatus.SETTING_UP

    def current_cochairs(self, today=None):
        today = today or timezone.localdate()
        return (
            self.cochairs.filter(term_start__lte=today)
            .filter(models.Q(term_end__isnull=True) | models.Q(term_end__gte=today))
            .select_related("user", "photo")
            .order_by("sort_order", "term_start")
        )

    @classmethod
    def served_queryset(cls):
        """The member count comes with the page when it is served (home/routing.py)."""
        from networks.reading import with_member_count

        return with_member_count(cls.objects.select_related("region"))

    def get_context(self, request, *args, **kwargs):
        from networks import reading

        context = super().get_context(request, *args, **kwargs)
        # The breadcrumb's parent (the networks index) moves only with a publish.
        context["parent_page"] = fragments.cached(
            request, "network-page-parent", self.get_parent, vary=str(self.pk)
        )
        if request.user.is_authenticated:
            context.update(reading.network_page_context(self, request.user))
        else:
            # Everyone not signed in sees the same: built once, then kept until anything
            # public changes (website/fragments.py).
            context.update(
                fragments.cached(
                    request,
                    f"network-page:{self.pk}",
                    lambda: reading.network_page_context(self, request.user),
                )
            )
        return context
