"""Every table in the site's templates sits in a labelled, focusable scroll region, so at
360 px a wide table scrolls (by keyboard too) instead of clipping a column."""

import re

from django.conf import settings

TEMPLATES = settings.BASE_DIR / "templates"
REGION = re.compile(
    r'<div class="table-scroll" role="region" '
    r'(aria-labelledby="(?P<id>[\w-]+)"|aria-label="[^"]+") tabindex="0">\s*'
    r"(?P<table><table\b)"
)


def site_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        # The Wagtail admin's screens (any admin/ folder) follow the admin's own layout.
        if "admin" not in path.relative_to(TEMPLATES).parts[:-1]:
            yield path


def test_every_table_is_in_a_labelled_focusable_scroll_region():
    found = 0
    for path in site_templates():
        text = path.read_text()
        tables = len(re.findall(r"<table\b", text))
        if not tables:
            continue
        found += tables
        regions = list(REGION.finditer(text))
        assert len(regions) == tables, f"{path.name}: a table outside a .table-scroll"
        for region in regions:
            if region["id"]:
                assert f'id="{region["id"]}"' in text, (
                    f"{path.name}: no #{region['id']}"
                )
    assert found >= 8
