"""The site remembered per process (website/sites.py), handed to Wagtail through
website/wagtail_internals.py: it must fail loudly here if an upgrade stops reading it."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from website import sites, wagtail_internals


def test_wagtail_still_reads_the_site_we_hand_it(rf, home_page):
    request = rf.get("/")
    handed = Site.objects.get(is_default_site=True)
    wagtail_internals.supply_site(request, handed)
    with CaptureQueriesContext(connection) as queries:
        found = Site.find_for_request(request)
    assert found is handed, (
        "Wagtail no longer reads the site website/wagtail_internals.py hands it"
    )
    assert len(queries) == 0


def test_a_site_is_looked_up_once_per_process_then_kept(rf, home_page, fragments_on):
    sites.find(rf.get("/"))
    with CaptureQueriesContext(connection) as queries:
        site = sites.find(rf.get("/"))
    assert site.root_page_id == home_page.pk
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_a_changed_site_is_seen_at_once(rf, home_page, fragments_on):
    assert sites.find(rf.get("/")).site_name != "Voices West Midlands"
    Site.objects.filter(is_default_site=True).update(site_name="ignored by signals")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Voices West Midlands"
    site.save()
    assert sites.find(rf.get("/")).site_name == "Voices West Midlands"


def test_wagtail_still_reads_the_root_paths_we_hand_it(rf, home_page):
    request = rf.get("/")
    handed = Site.get_site_root_paths()
    wagtail_internals.supply_site(request, Site.objects.get(is_default_site=True))
    wagtail_internals.supply_site_root_paths(request, handed)
    with CaptureQueriesContext(connection) as queries:
        url = home_page.get_url(request=request)
    assert url == "/"
    assert [q["sql"] for q in queries] == [], (
        "Wagtail no longer reads the root paths website/wagtail_internals.py hands it"
    )


def test_page_links_read_no_root_paths_once_the_site_is_kept(
    rf, home_page, fragments_on, monkeypatch
):
    sites.find(rf.get("/"))
    reads = []
    original = Site.get_site_root_paths
    monkeypatch.setattr(
        Site, "get_site_root_paths", staticmethod(lambda: reads.append(1) or original())
    )
    request = rf.get("/")
    sites.find(request)
    assert home_page.get_url(request=request) == "/"
    assert reads == []
