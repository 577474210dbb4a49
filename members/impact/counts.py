"""Counting one figure for the report: one grouped query, then the protected view the
filters ask for (members/impact/suppression.py).

A figure split between programme strands is counted by region, strand and month at once
and protected as one cube, whatever strand is chosen, so the whole programme's figure
and a strand's never give away a small other strand between them. A figure without
strands (or whose one strand is all of it) is the same in every strand: a grid of
regions by months is enough.
"""

from datetime import date, timedelta

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import Cast, Substr

from members.impact import suppression

NO_REGION = "none"
OTHER = "other"  # the rows of a split figure that belong to no strand


def month_of(field):
    # "2026-11" by the database's own text functions (as members/payments/finance.py).
    return Substr(Cast(field, CharField()), 1, 7)


def month_label(key):
    try:
        return date(int(key[:4]), int(key[5:7]), 1).strftime("%B %Y")
    except (TypeError, ValueError):
        return "Date not known"


def in_range(queryset, field, start, end):
    """The rows whose `field` is from `start` up to but not including `end` (either may
    be None: open at that end)."""
    if start:
        queryset = queryset.filter(**{f"{field}__gte": start})
    if end:
        queryset = queryset.filter(**{f"{field}__lt": end})
    return queryset


def dated(queryset, figure, filters):
    start, end = filters.moment_range()
    if figure.is_date:
        start, end = filters.start, filters.end and filters.end + timedelta(days=1)
    return in_range(queryset, figure.date_field, start, end)


def is_split(figure):
    """Whether strands divide the figure's rows (rather than one strand being all of it)."""
    strands = list(figure.strands.values())
    return bool(strands) and not (len(strands) == 1 and strands[0] == Q())


def _grouped(queryset, figure, *extra):
    counted = Count(figure.distinct or "pk", distinct=bool(figure.distinct))
    return (
        queryset.annotate(month=month_of(figure.date_field))
        .values(figure.region_field, "month", *extra)
        .annotate(n=counted)
        .order_by()
    )


def count_grid(figure, filters):
    """{region: {month: count}} for one figure in the date range: one query."""
    grid = {}
    for row in _grouped(dated(figure.queryset, figure, filters), figure):
        region = row[figure.region_field] or NO_REGION
        grid.setdefault(region, {})[row["month"] or "unknown"] = row["n"]
    return grid


def count_distinct_totals(figure, filters):
    """{region: count} of distinct values over the whole range, for a figure that counts
    people: a person in two months is one person (one query)."""
    rows = (
        dated(figure.queryset, figure, filters)
        .values(figure.region_field)
        .annotate(n=Count(figure.distinct, distinct=True))
        .order_by()
    )
    return {row[figure.region_field] or NO_REGION: row["n"] for row in rows}


def count_cube(figure, filters):
    """{region: {(strand, month): count}} for a split figure: one query, each row in the
    first strand whose filter it meets (a figure's strands do not overlap) or "other"."""
    bucket = Case(
        *[When(q, then=Value(name)) for name, q in figure.strands.items()],
        default=Value(OTHER),
        output_field=CharField(),
    )
    queryset = dated(figure.queryset, figure, filters).annotate(bucket=bucket)
    cube = {}
    for row in _grouped(queryset, figure, "bucket"):
        region = row[figure.region_field] or NO_REGION
        key = (row["bucket"], row["month"] or "unknown")
        cube.setdefault(region, {})[key] = row["n"]
    return cube


def protected(figure, filters, region_keys):
    """(months, the Table by month with its total, the Table by region or None) for the
    filters, from the one protected grid or cube of the figure."""
    region = filters.region.pk if filters.region is not None else None
    if is_split(figure):
        if figure.distinct:  # one person in two strands: the strands would not add up
            raise ValueError(f"{figure.key}: strands split rows, not distinct values")
        cube = count_cube(figure, filters)
        regions = _regions(cube, region_keys)
        months = sorted({m for row in cube.values() for (_b, m) in row})
        buckets = [*figure.strands, OTHER]
        protected_cube = suppression.protect_cube(cube, regions, buckets, months)
        by_month, by_region = protected_cube.view(region, filters.strand or None)
        return months, by_month, by_region
    grid = count_grid(figure, filters)
    for key in region_keys:
        grid.setdefault(key, {})
    months = sorted({m for row in grid.values() for m in row})
    totals = count_distinct_totals(figure, filters) if figure.distinct else None
    tables, whole, by_row = suppression.protect_grid(grid, months, row_totals=totals)
    if region is None:
        return months, whole, by_row
    return months, tables.get(region) or suppression.protect({}, 0), None


def _regions(counted, region_keys):
    """The regions the rows name (as the grid orders them), then every other region."""
    return [*counted, *(key for key in region_keys if key not in counted)]
