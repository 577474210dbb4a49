"""Demo content for the editorial site, built idempotently by `manage.py load_demo`."""

from wagtail.models import Page, Site

from home.models import HomePage


def load():
    home = ensure_home_page()
    ensure_site(home)
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
