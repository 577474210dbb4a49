"""Fixtures for the performance tests: the whole-page cache switched on, with a clean cache."""

import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    """Turn the anonymous page cache on (the suite's settings keep it off) with an empty cache."""
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()
