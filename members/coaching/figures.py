"""Programme figures for staff reports, computed by the database (counts, groups, medians).

Medians use window functions (row number within each group), so only the middle one or two
rows of each group come back, whatever the number of pairings.
"""

import datetime
import math
from collections import defaultdict
from datetime import timedelta

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Q,
    Value,
    Window,
)
from django.db.models.functions import RowNumber, TruncMonth

from members.coaching.models import Pairing, Reflection
from members.enquiries.models import OrganisationType
from members.models import Enquiry

S = Pairing.Status
RUNNING = (S.INTRODUCED, S.ACTIVE, S.PAUSED)
DIMENSIONS = {
    "month": "By month the enquiry arrived",
    "region": "By region",
    "organisation_type": "By type of organisation",
}


def _group(dimension, date_field):
    if dimension == "month":
        return TruncMonth(date_field)
    if dimension == "region":
        return F("region_name")
    if dimension == "organisation_type":
        return F("organisation_type")
    return Value("all")


def _label(dimension, key):
    if dimension == "month":
        return key.strftime("%B %Y") if key else "Unknown"
    if dimension == "organisation_type":
        return dict(OrganisationType.choices).get(key, key or "Not given")
    if dimension == "region":
        return key or "Not given"
    return "All enquiries"


def _key(dimension, key):
    if dimension == "month" and key is not None and hasattr(key, "date"):
        return key.date().replace(day=1)
    return key


def medians(dimension):
    """Median days from enquiry to introduction per group, from the middle rows only."""
    days = ExpressionWrapper(
        F("introduced_at") - F("enquiry_received_at"), output_field=DurationField()
    )
    group = _group(dimension, "enquiry_received_at")
    rows = (
        Pairing.objects.filter(introduced_at__isnull=False)
        .annotate(
            key=group,
            days=days,
            position=Window(RowNumber(), partition_by=[group], order_by=days.asc()),
            size=Window(Count("pk"), partition_by=[group]),
        )
        .filter(Q(position=(F("size") + 1) / 2) | Q(position=F("size") / 2 + 1))
        .values_list("key", "days")
    )
    middle = defaultdict(list)
    for key, value in rows:
        middle[_key(dimension, key)].append(value)
    return {
        key: round((sum(values, timedelta()) / len(values)).total_seconds() / 86400, 1)
        for key, values in middle.items()
    }


def figures_by(dimension):
    """Rows of received, matched, running, completed and median days, one per group."""
    received = (
        Enquiry.objects.exclude(status=Enquiry.Status.SPAM)
        .annotate(key=_group(dimension, "created_at"))
        .values("key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    pairing_counts = (
        Pairing.objects.annotate(key=_group(dimension, "enquiry_received_at"))
        .values("key")
        .annotate(
            matched=Count("enquiry", filter=Q(matched_at__isnull=False), distinct=True),
            running=Count("pk", filter=Q(status__in=RUNNING)),
            completed=Count("pk", filter=Q(status=S.COMPLETED)),
        )
        .order_by()
    )
    table = defaultdict(
        lambda: {"received": 0, "matched": 0, "running": 0, "completed": 0}
    )
    for row in received:
        table[_key(dimension, row["key"])]["received"] = row["n"]
    for row in pairing_counts:
        cell = table[_key(dimension, row["key"])]
        cell.update(
            matched=row["matched"], running=row["running"], completed=row["completed"]
        )
    median = medians(dimension)
    keys = sorted(table, key=lambda key: (key is None, str(key)))
    return [
        {
            "key": key,
            "label": _label(dimension, key),
            **table[key],
            "median_days": median.get(key),
        }
        for key in keys
    ]


def totals():
    rows = figures_by("all")
    return (
        rows[0]
        if rows
        else {
            "label": "All enquiries",
            "received": 0,
            "matched": 0,
            "running": 0,
            "completed": 0,
            "median_days": None,
        }
    )


def recommend_counts():
    """Anonymous answers to "would you recommend", per side."""
    rows = (
        Reflection.objects.values("role", "would_recommend")
        .annotate(n=Count("pk"))
        .order_by("role", "would_recommend")
    )
    labels = dict(Reflection.Recommend.choices)
    roles = dict(Reflection.Role.choices)
    return [
        {
            "role": roles.get(row["role"], row["role"]),
            "answer": labels.get(row["would_recommend"], row["would_recommend"]),
            "count": row["n"],
        }
        for row in rows
    ]


def consented_quotes(limit=20):
    """Words people agreed may be quoted, never with a name."""
    return list(
        Reflection.objects.filter(quote_consent=True)
        .order_by("-created_at")
        .values("role", "what_changed", "what_helped")[:limit]
    )


def _month_range(first, last):
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_chart(rows, width=640, height=260):
    """Geometry for a grouped bar chart of the last 12 months (drawn as SVG in a template);
    months with nothing in them are shown as zero, so the time axis stays even."""
    by_month = {row["key"]: row for row in rows if row["key"] is not None}
    months = _month_range(min(by_month), max(by_month))[-12:] if by_month else []
    empty = {"received": 0, "matched": 0, "completed": 0}
    rows = [
        {**empty, **by_month.get(month, {}), "key": month, "label": f"{month:%B %Y}"}
        for month in months
    ]
    series = [
        ("received", "Enquiries received", "#1d70b8"),
        ("matched", "Matched", "#00703c"),
        ("completed", "Completed", "#6f3c97"),
    ]
    highest = max([row[name] for row in rows for name, _, _ in series] + [1])
    step = max(math.ceil(highest / 4), 1)
    top = step * 4
    left, bottom, plot_height = 40, 40, height - 70
    slot = (width - left - 10) / max(len(rows), 1)
    bar = max(slot / (len(series) + 1), 2)
    bars, labels = [], []
    for index, row in enumerate(rows):
        x0 = left + index * slot
        for offset, (name, title, colour) in enumerate(series):
            value = row[name]
            bar_height = plot_height * value / top
            bars.append(
                {
                    "x": round(x0 + offset * bar + bar / 2, 1),
                    "y": round(height - bottom - bar_height, 1),
                    "width": round(bar, 1),
                    "height": round(bar_height, 1),
                    "fill": colour,
                    "title": f"{row['label']}: {title.lower()} {value}",
                }
            )
        labels.append(
            {
                "x": round(x0 + slot / 2, 1),
                "y": height - bottom + 16,
                "text": row["key"].strftime("%b %y"),
            }
        )
    ticks = [
        {"y": round(height - bottom - plot_height * n / 4, 1), "value": step * n}
        for n in range(5)
    ]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "ticks": ticks,
        "left": left,
        "axis_y": height - bottom,
        "legend": [{"title": title, "fill": colour} for _, title, colour in series],
    }
