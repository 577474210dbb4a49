"""The demo's site settings: organisation details, main menu and footer links."""

from home.demo.build import link, stream
from home.models import NavigationSettings, OrganisationSettings

LATER_APP_LINKS = (
    ("/opportunities/", "Opportunities"),
    ("/networks/", "Networks"),
    ("/events/", "Events"),
    ("/enquire/", "Work with us"),
)


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
        # Opportunities, networks, events and the enquiry form belong to the apps loaded after this
        # one, so they are linked by address.
        navigation.main_menu = stream(
            *[("link", link(page=page, text=_menu_label(page))) for page in menu],
            *[("link", link(url, text)) for url, text in LATER_APP_LINKS],
        )
        navigation.footer_links = stream(
            ("link", link("/enquire/", "Contact us")),
            ("link", link("/news/feed/", "News feed (RSS)")),
        )
        navigation.save()


def _menu_label(page):
    return {"what-is-co-production": "Co-production"}.get(page.slug, page.title)
