"""Keep cached menus honest: any change that can alter a link's words or address clears them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from home.models import NavigationSettings, OrganisationSettings
from home.templatetags.navigation_tags import clear_navigation_cache


@receiver(post_save, sender=NavigationSettings)
@receiver(post_save, sender=OrganisationSettings)
@receiver(post_delete, sender=NavigationSettings)
@receiver(post_delete, sender=OrganisationSettings)
def settings_changed(sender, **kwargs):
    clear_navigation_cache()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    clear_navigation_cache()


def page_deleted(sender, instance, **kwargs):
    clear_navigation_cache()


post_delete.connect(
    page_deleted, sender="wagtailcore.Page", dispatch_uid="home-nav-page-deleted"
)
