"""A figure split by region, strand and month (members/impact/suppression.protect_cube):
whatever a person reads across every view the report offers (the whole programme, a
region, a strand, a region in a strand, each by month and by region), working out any
number from the others never gives a count from 1 to 4 away. The views are read as a
person sees them and solved here on their own, not with the module's own audit."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from members.impact.suppression import FEWER, WITHHELD_TEXT, protect_cube

REGIONS = ["north", "south"]
STRANDS = ["coaching", "networks"]
MONTHS = ["2026-03", "2026-04"]


def seen(cube):
    """Every (quantity, Shown) a person can read, keyed by what it counts, and the sums
    a person knows hold between them (the strands together are the whole, as when no row
    is outside every strand)."""
    read = {}
    for region, strand in itertools.product([None, *REGIONS], [None, *STRANDS]):
        by_month, by_region = cube.view(region, strand)
        read[region, strand, None] = by_month.total
        for month, shown in by_month.cells.items():
            read[region, strand, month] = shown
        if by_region is not None:
            for other, shown in by_region.cells.items():
                read[other, strand, None] = shown
    sums = []
    for region, strand, month in itertools.product(
        [None, *REGIONS], [None, *STRANDS], [None, *MONTHS]
    ):
        key = (region, strand, month)
        if month is None:
            sums.append(([(region, strand, m) for m in MONTHS], key))
        if region is None:
            sums.append(([(r, strand, month) for r in REGIONS], key))
        if strand is None:
            sums.append(([(region, s, month) for s in STRANDS], key))
    return read, sums


def worked_out(read, sums):
    """Each quantity a person can work out: read, or the one unknown in a sum."""
    known = {key: shown.value for key, shown in read.items() if not shown.hidden}
    changed = True
    while changed:
        changed = False
        for parts, total in sums:
            unknown = [k for k in (*parts, total) if k not in known]
            if len(unknown) != 1:
                continue
            (missing,) = unknown
            if missing == total:
                known[total] = sum(known[p] for p in parts)
            else:
                known[missing] = known[total] - sum(
                    known[p] for p in parts if p != missing
                )
            changed = True
    return known


def counts_of(cells):
    cube = {}
    for (region, strand, month), n in zip(
        itertools.product(REGIONS, STRANDS, MONTHS), cells, strict=True
    ):
        cube.setdefault(region, {})[strand, month] = n
    return cube


def true_values(cube):
    values = {}
    for region, strand, month in itertools.product(
        [None, *REGIONS], [None, *STRANDS], [None, *MONTHS]
    ):
        values[region, strand, month] = sum(
            n
            for r, row in cube.items()
            for (s, m), n in row.items()
            if region in (None, r) and strand in (None, s) and month in (None, m)
        )
    return values


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 14), min_size=8, max_size=8))
def test_no_view_or_sum_of_views_gives_a_small_count_away(cells):
    cube = counts_of(cells)
    protected = protect_cube(cube, REGIONS, [*STRANDS, "other"], MONTHS)
    read, sums = seen(protected)
    truth = true_values(cube)
    for key, shown in read.items():
        assert shown.hidden or shown.value == truth[key], key
        assert shown.hidden or not 0 < shown.value < 5, key
    for key, value in worked_out(read, sums).items():
        assert value == truth[key], key
        assert not 0 < value < 5, (key, value)


def test_the_whole_programme_minus_a_strand_keeps_a_small_strand_hidden():
    """31 enquiries, 28 about coaching and 3 about networks: one of the two large
    numbers has to go, and it is the strand's (the whole programme's is read first)."""
    cube = {
        "north": {("coaching", "2026-03"): 12, ("coaching", "2026-04"): 10},
        "south": {("coaching", "2026-04"): 6, ("networks", "2026-04"): 3},
    }
    protected = protect_cube(cube, REGIONS, [*STRANDS, "other"], MONTHS)
    whole, _ = protected.view()
    coaching, _ = protected.view(bucket="coaching")
    networks, _ = protected.view(bucket="networks")
    assert whole.total.text == "31"
    assert networks.total.text == FEWER
    assert coaching.total.text == WITHHELD_TEXT
