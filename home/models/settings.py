"""Site-wide details editors change without a developer: organisation, footer and menus."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import LinkBlock, SocialLinkBlock


@register_setting(icon="home")
class OrganisationSettings(BaseSiteSetting):
    """Who runs the site: shown in the footer, on contact pages and in error pages.

    Holds public details only; enquiry notification addresses live in code settings so an
    editor cannot redirect mail (security checklist SP-4).
    """

    organisation_name = models.CharField(
        max_length=160, blank=True, help_text="Shown in the footer and page titles."
    )
    contact_email = models.EmailField(
        blank=True, help_text="The public address people can write to."
    )
    postal_address = models.TextField(
        blank=True, max_length=400, help_text="One line per line of the address."
    )
    charity_number = models.CharField(
        max_length=40,
        blank=True,
        help_text="Registered charity number, shown in the footer if given.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        max_num=8,
        help_text="Links to the organisation on other sites, named in words.",
    )
    footer_text = models.TextField(
        blank=True, max_length=400, help_text="A sentence about the programme."
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Linked from the footer of every page.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The accessibility statement, linked from the footer of every page.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("postal_address"),
                FieldPanel("charity_number"),
            ],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("social_links"),
            ],
            heading="Footer",
        ),
    ]

    class Meta:
        verbose_name = "organisation details"


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The main menu and the footer links, in the order editors give."""

    main_menu = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=8,
        help_text="Up to eight links across the top of every page. Keep the words short.",
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=12,
        help_text="Links in the footer, after the privacy and accessibility links.",
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_links")]

    class Meta:
        verbose_name = "navigation"
