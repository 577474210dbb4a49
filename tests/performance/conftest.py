"""Fixtures for the performance tests: the whole-page cache switched on, with a clean cache."""

import pytest
from django.core.cache import cache

from website.cache import forget_local_copies


@pytest.fixture(params=[0, 60], ids=["shared-generation", "kept-by-process"])
def page_cache(request, settings):
    """Turn the anonymous page cache on (the suite's settings keep it off) with an empty cache,
    once reading the shared generation on every request and once with each process keeping
    its generation and pages (as production does), so every rule holds both ways."""
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    settings.CACHE_GENERATION_RECHECK_SECONDS = request.param
    cache.clear()
    forget_local_copies()
    yield
    cache.clear()
    forget_local_copies()
