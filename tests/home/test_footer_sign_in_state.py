"""The footer offers what is true for the person reading it, and a cached anonymous page
never carries one person's signed-in state to another."""

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.models import NavigationSettings, OrganisationSettings

pytestmark = pytest.mark.django_db


def footer(response):
    html = response.content.decode()
    return html[html.index("<footer") :]


def test_signed_out_visitors_are_offered_member_sign_in(client, home_page):
    text = footer(client.get("/"))
    assert "Member sign in" in text
    assert "Your portal" not in text and "Sign out" not in text


def test_signed_in_members_get_their_portal_and_a_sign_out_form(
    client, member, home_page
):
    client.force_login(member)
    text = footer(client.get("/"))
    assert "Member sign in" not in text
    assert '<a href="/portal/">Your portal</a>' in text
    form = text[text.index("<form") : text.index("</form>")]
    assert 'method="post"' in form and 'action="/accounts/logout/"' in form
    assert "csrfmiddlewaretoken" in form and "Sign out" in form


def test_a_cached_page_never_shows_someone_elses_state(
    client, member, home_page, settings
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    # Settings rows exist, as on a live site (creating them would empty the cache).
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.for_site(site)
    OrganisationSettings.for_site(site)
    cache.clear()
    assert "Member sign in" in footer(client.get("/"))
    client.force_login(member)
    signed_in = client.get("/")
    assert "X-Cache" not in signed_in and "Your portal" in footer(signed_in)
    client.logout()
    client.cookies.clear()
    again = client.get("/")
    assert again["X-Cache"] == "HIT"
    assert "Member sign in" in footer(again) and "Your portal" not in footer(again)
