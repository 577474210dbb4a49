"""The impact report as CSV or Excel: one row per figure and breakdown, every number
already protected (a hidden one is the text "fewer than 5"), cells made safe for
spreadsheets (website/spreadsheets.py)."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook

from website.spreadsheets import safe_cell

COLUMNS = ["section", "figure", "breakdown", "group", "value"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _value(shown):
    return shown.text if shown.hidden else shown.value


def rows(report):
    sections = {s["key"]: s["title"] for s in report["sections"]}
    for section in report["sections"]:
        for figure in section["figures"]:
            title = sections[figure["section"]]
            yield [title, figure["label"], "total", "", _value(figure["total"])]
            for row in figure["by_month"]:
                yield [
                    title,
                    figure["label"],
                    "month",
                    row["label"],
                    _value(row["shown"]),
                ]
            for row in figure["by_region"]:
                yield [
                    title,
                    figure["label"],
                    "region",
                    row["label"],
                    _value(row["shown"]),
                ]
    money = report["money"]
    yield [
        "Power shared",
        "People with lived experience paid",
        "total",
        "",
        _value(money["people"]),
    ]
    yield [
        "Power shared",
        "Paid to people with lived experience (£, to the nearest £100)",
        "total",
        "",
        money["amount"] if money["amount"] is not None else "not shown",
    ]
    split = report["paid_or_volunteering"]
    for row in split["rows"]:
        yield [
            "Power shared",
            "Partners by payment choice",
            "choice",
            row["label"],
            _value(row["shown"]),
        ]
    confidence = report["confidence"]
    yield [
        "Change",
        "Leaders answering confidence before and after",
        "total",
        "",
        _value(confidence["people"]),
    ]
    if confidence["before"] is not None:
        yield [
            "Change",
            "Average confidence before (1 to 5)",
            "total",
            "",
            confidence["before"],
        ]
        yield [
            "Change",
            "Average confidence after (1 to 5)",
            "total",
            "",
            confidence["after"],
        ]
    for row in report["themes"] or []:
        yield [
            "Change",
            "Reflections by theme",
            "theme",
            row["label"],
            _value(row["shown"]),
        ]
    who = report["who"]
    yield [
        "Who is in the room",
        "People who answered",
        "total",
        "",
        _value(who["answered"]),
    ]
    yield [
        "Who is in the room",
        "People who chose not to answer",
        "total",
        "",
        _value(who["declined"]),
    ]
    for question in who["questions"]:
        for row in question["rows"]:
            yield [
                "Who is in the room",
                question["title"],
                "answer",
                row["label"],
                _value(row["shown"]),
            ]
    for row in who["by_region"] or []:
        yield [
            "Who is in the room",
            "People asked, by region",
            "region",
            row["label"],
            _value(row["shown"]),
        ]


def filename(filters, extension):
    parts = ["impact"]
    if filters.start:
        parts.append(f"from-{filters.start.isoformat()}")
    if filters.end:
        parts.append(f"to-{filters.end.isoformat()}")
    if filters.region:
        parts.append(filters.region.slug)
    if filters.strand:
        parts.append(filters.strand)
    return "-".join(parts) + "." + extension


def csv_response(report):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows(report):
        writer.writerow([safe_cell(cell) for cell in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    name = filename(report["filters"], "csv")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def xlsx_response(report):
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Impact")
    sheet.append(COLUMNS)
    for row in rows(report):
        sheet.append([safe_cell(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX)
    name = filename(report["filters"], "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
