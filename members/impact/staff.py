"""The impact report in the admin, for people with `members.view_impact_report`: the
figures with filters, as tables and charts; CSV and Excel downloads; and the funders'
one-page quarter. Anyone else gets a real 403 page."""

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from members.impact import charts, downloads, figures, registry, themes
from members.impact.forms import ReportFilterForm
from members.impact.permissions import can_view_impact
from website.views import forbidden

QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
FUNDERS_QUOTES = 3


def _refused(request):
    return None if can_view_impact(request.user) else forbidden(request)


def _with_charts(report):
    for section in report["sections"]:
        for figure in section["figures"]:
            if len(figure["by_month"]) > 1:
                figure["month_chart"] = charts.bar_chart(
                    f"{figure['label']} by month", figure["by_month"]
                )
            if figure["by_region"]:
                figure["region_chart"] = charts.bar_chart(
                    f"{figure['label']} by region", figure["by_region"]
                )
    for question in report["who"]["questions"]:
        question["chart"] = charts.bar_chart(question["title"], question["rows"])
    return report


def _query_string(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_GET
def report(request):
    """The figures for the filters staff chose (all time, all regions, at first)."""
    if refused := _refused(request):
        return refused
    form = ReportFilterForm(request.GET or None)
    context = {"form": form, "query": _query_string(request)}
    if form.is_bound and not form.is_valid():
        return render(request, "members/impact/admin/report.html", context, status=400)
    filters = form.filters() if form.is_bound else figures.Filters()
    context["report"] = _with_charts(figures.report(filters))
    context["this_quarter"] = _quarter_of(date.today())
    return render(request, "members/impact/admin/report.html", context)


@require_GET
def download(request, kind):
    if refused := _refused(request):
        return refused
    form = ReportFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        context = {"form": form, "query": _query_string(request)}
        return render(request, "members/impact/admin/report.html", context, status=400)
    filters = form.filters() if form.is_bound else figures.Filters()
    data = figures.report(filters)
    if kind == "xlsx":
        return downloads.xlsx_response(data)
    return downloads.csv_response(data)


def _quarter_of(day):
    quarter = (day.month - 1) // 3 + 1
    return {"year": day.year, "quarter": quarter}


def quarter_range(year, quarter):
    if quarter not in QUARTERS or not 2000 <= year <= 2100:
        raise Http404("No such quarter")
    first, last = QUARTERS[quarter]
    end = date(year + (last == 12), 1 if last == 12 else last + 1, 1)
    return date(year, first, 1), date.fromordinal(end.toordinal() - 1)


@require_GET
def funders(request, year, quarter):
    """One printable page for a quarter: headline figures, charts, three consented quotes
    and the "you said, we did" highlights. Saved as a PDF from the browser's print dialog."""
    if refused := _refused(request):
        return refused
    start, end = quarter_range(year, quarter)
    data = figures.report(figures.Filters(start=start, end=end))
    reach = next(s for s in data["sections"] if s["key"] == figures.REACH)
    power = next(s for s in data["sections"] if s["key"] == figures.POWER)
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    following = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    return render(
        request,
        "members/impact/funders.html",
        {
            "start": start,
            "end": end,
            "year": year,
            "quarter": quarter,
            "previous": previous,
            "following": following,
            "report": data,
            "reach": reach,
            "power": power,
            "reach_chart": charts.bar_chart(
                "Reach this quarter",
                [{"label": f["label"], "shown": f["total"]} for f in reach["figures"]],
            ),
            "quotes": data["quotes"][:FUNDERS_QUOTES],
            "highlights": registry.highlights(start, end),
        },
    )


admin_urls = [
    path("", report, name="report"),
    path("download.csv", download, {"kind": "csv"}, name="download_csv"),
    path("download.xlsx", download, {"kind": "xlsx"}, name="download_xlsx"),
    path("funders/<int:year>/<int:quarter>/", funders, name="funders"),
    path("themes/", themes.themes, name="themes"),
    path("themes/<str:kind>/<int:pk>/", themes.tag, name="tag_reflection"),
]
