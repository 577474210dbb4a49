"""The enquiries list at 1280 px: the table stays inside its column (scrolling there if it
must) instead of running under the filter panel, and row buttons do not wrap."""

from django.conf import settings

INDEX = "/admin/members/enquiry/"
STYLESHEET = "members/css/admin-listing.css"


def test_the_listing_stylesheet_is_loaded_on_the_enquiries_list(client, staff):
    client.force_login(staff)
    html = client.get(INDEX).content.decode()
    assert f"/static/{STYLESHEET}" in html


def test_the_stylesheet_keeps_the_table_in_its_column_and_buttons_whole():
    css = (settings.BASE_DIR / "members" / "static" / STYLESHEET).read_text()
    assert ".modeladmin .result-list" in css and "overflow-x: auto" in css
    assert ".modeladmin .listing .button" in css and "white-space: nowrap" in css
