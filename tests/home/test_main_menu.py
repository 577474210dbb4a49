"""The demo's main menu reaches every part of the site, and the header keeps it behind one
"Menu" button that works without JavaScript (a <details> element)."""

import re

from django.core.management import call_command


def main_nav(html):
    return re.search(r'<nav class="main-nav" aria-label="Main">(.*?)</nav>', html, re.S)


def test_the_demo_main_menu_has_opportunities_networks_and_enquire(client, db):
    call_command("load_demo", verbosity=0)
    html = client.get("/").content.decode()
    nav = main_nav(html).group(1)
    hrefs = re.findall(r'href="([^"]+)"', nav)
    for path in ("/opportunities/", "/networks/", "/enquire/"):
        assert path in hrefs, (path, hrefs)
    assert re.search(r'href="/enquire/"[^>]*>Work with us', nav)


def test_the_menu_sits_behind_one_menu_button_that_needs_no_script(client, home_page):
    html = client.get("/").content.decode()
    menu = re.search(r"<details[^>]*data-site-menu[^>]*>(.*?)</details>", html, re.S)
    assert menu, "the header has no <details> menu"
    assert re.search(r"<summary[^>]*>\s*Menu\s*</summary>", menu.group(1))
    assert main_nav(menu.group(1))
    assert 'role="search"' in menu.group(1)
