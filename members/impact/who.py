"""Who is in the room: the equality monitoring answers, only ever in aggregate.

One query groups every answer by region and by each question; each question becomes a
grid of regions by answer, protected with the others (members/impact/suppression.py), so
a region's table is that region's row and a region hidden in one question is hidden in
all. The answers describe people as they are now, so the date range and strand do not
apply; the region filter does.
"""

from django.db.models import Count

from members.impact import suppression
from members.impact.counts import NO_REGION
from members.impact.models import AgeBand, EqualityAnswers, Ethnicity, YesNo

NOT_ANSWERED = ""
QUESTIONS = {
    "age_band": ("Age", AgeBand.choices),
    "ethnicity": ("Ethnic group", Ethnicity.choices),
    "disability": ("Disabled or living with a long-term condition", YesNo.choices),
    "carer": ("Unpaid carer", YesNo.choices),
}


def _labels(choices):
    return {**dict(choices), NOT_ANSWERED: "Skipped"}


def equality(filters, regions):
    rows = (
        EqualityAnswers.objects.values(
            "user__profile__region_id", "declined", *QUESTIONS
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    empty = {region.pk: {} for region in regions}
    grids = {name: {k: {} for k in empty} for name in QUESTIONS}
    grids["declined"] = {k: {} for k in empty}
    for row in rows:
        region = row["user__profile__region_id"] or NO_REGION
        answered = "declined" if row["declined"] else "answered"
        cell = grids["declined"].setdefault(region, {})
        cell[answered] = cell.get(answered, 0) + row["n"]
        for name in QUESTIONS:
            grid = grids[name].setdefault(region, {})
            if row["declined"]:
                continue
            grid[row[name]] = grid.get(row[name], 0) + row["n"]
    # Regions that only declined still need a row in every question's grid.
    for name in QUESTIONS:
        for region in grids["declined"]:
            grids[name].setdefault(region, {})
    columns = {
        name: [value for value, _ in choices] + [NOT_ANSWERED]
        for name, (_, choices) in QUESTIONS.items()
    }
    columns["declined"] = ["answered", "declined"]
    done = suppression.protect_grids(grids, columns)

    def view(name):
        tables, whole, _by_row = done[name]
        if filters.region is None:
            return whole
        return tables.get(filters.region.pk) or suppression.protect({}, 0)

    names = {region.pk: region.name for region in regions}
    names[NO_REGION] = "No region given"
    by_region = None
    if filters.region is None:
        by_region = [
            {"key": key, "label": names.get(key, "Other"), "shown": shown}
            for key, shown in done["declined"][2].cells.items()
        ]
    people = view("declined")
    return {
        "people": people.total,
        "answered": people.cells["answered"],
        "declined": people.cells["declined"],
        "questions": [
            {
                "key": name,
                "title": title,
                "total": view(name).total,
                "rows": view(name).rows(_labels(choices)),
            }
            for name, (title, choices) in QUESTIONS.items()
        ],
        "by_region": by_region,
    }
