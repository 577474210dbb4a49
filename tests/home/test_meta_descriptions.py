"""Every public page of the demo site tells search engines what it is about: a non-empty meta
description from its search description, else its summary, intro or purpose."""

import re

from django.core.management import call_command
from wagtail.models import Page

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def test_every_public_demo_page_has_a_meta_description(client, db):
    call_command("load_demo", verbosity=0)
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    missing = []
    for page in pages:
        response = client.get(page.url)
        if response.status_code != 200:
            continue
        found = DESCRIPTION.search(response.content.decode())
        if not found or not found.group(1).strip():
            missing.append(page.url)
    assert len(pages) > 10
    assert missing == []
