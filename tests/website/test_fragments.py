"""Rendered fragments are reused until they expire or anything public changes."""

from website import cache as page_cache
from website import fragments


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"built {self.calls}"


def test_a_fragment_is_built_once_and_reused(rf, fragments_on):
    build = Counter()
    assert fragments.cached(rf.get("/"), "piece", build) == "built 1"
    assert fragments.cached(rf.get("/"), "piece", build) == "built 1"
    assert build.calls == 1


def test_a_bumped_generation_rebuilds_it(rf, fragments_on, db):
    build = Counter()
    fragments.cached(rf.get("/"), "piece", build)
    page_cache.bump_generation()
    assert fragments.cached(rf.get("/"), "piece", build) == "built 2"


def test_a_publish_bumps_the_generation_with_only_fragments_on(
    rf, fragments_on, settings, home_page
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    build = Counter()
    fragments.cached(rf.get("/"), "piece", build)
    home_page.title = "A new title"
    home_page.save_revision().publish()
    assert fragments.cached(rf.get("/"), "piece", build) == "built 2"


def test_each_audience_has_its_own_copy(rf, fragments_on):
    members, everyone = Counter(), Counter()
    assert fragments.cached(rf.get("/"), "slot", members, vary="members") == "built 1"
    assert fragments.cached(rf.get("/"), "slot", everyone, vary="everyone") == "built 1"
    fragments.cached(rf.get("/"), "slot", members, vary="members")
    assert (members.calls, everyone.calls) == (1, 1)


def test_one_request_reads_the_generation_once(rf, fragments_on, monkeypatch):
    reads = []
    real = page_cache.current_generation
    monkeypatch.setattr(
        page_cache, "current_generation", lambda **kw: reads.append(1) or real(**kw)
    )
    request = rf.get("/")
    for name in ("one", "two", "three"):
        fragments.cached(request, name, Counter())
    assert len(reads) == 1


def test_off_means_built_every_time(rf, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    build = Counter()
    fragments.cached(rf.get("/"), "piece", build)
    fragments.cached(rf.get("/"), "piece", build)
    assert build.calls == 2


def test_a_cache_that_cannot_be_read_builds_and_keeps_nothing(
    rf, fragments_on, monkeypatch
):
    monkeypatch.setattr(page_cache, "current_generation", lambda **kw: None)
    build = Counter()
    fragments.cached(rf.get("/"), "piece", build)
    fragments.cached(rf.get("/"), "piece", build)
    assert build.calls == 2


def test_a_preview_is_built_afresh_and_never_kept(rf, fragments_on):
    """An editor's draft must never reach the public through a kept fragment."""
    build = Counter()
    preview = rf.get("/")
    preview.is_preview = True
    assert fragments.cached(preview, "home", build) == "built 1"
    assert fragments.cached(preview, "home", build) == "built 2"
    assert fragments.cached(rf.get("/"), "home", build) == "built 3"


def test_pieces_kept_together_do_not_all_expire_together():
    """Each piece keeps for its full life less up to a fifth, never longer, never zero."""
    lives = [fragments._spread(60) for _ in range(200)]
    assert all(48 <= life <= 60 for life in lives)
    assert len(set(lives)) > 5
    assert fragments._spread(1) == 1
