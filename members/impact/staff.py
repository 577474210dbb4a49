"""The impact report in the admin, for people with `members.view_impact_report`: the
figures with filters, as tables and charts; CSV and Excel downloads; the themes; and the
funders' quarter (members/impact/funders.py). Anyone else gets a real 403 page."""

from datetime import date

from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from members.impact import charts, downloads, figures, funders, themes
from members.impact.forms import ReportFilterForm
from members.impact.permissions import can_view_impact
from website.views import forbidden


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
    context["this_quarter"] = funders.quarter_of(date.today())
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


admin_urls = [
    path("", report, name="report"),
    path("download.csv", download, {"kind": "csv"}, name="download_csv"),
    path("download.xlsx", download, {"kind": "xlsx"}, name="download_xlsx"),
    path("funders/<int:year>/<int:quarter>/", funders.page, name="funders"),
    path(
        "funders/<int:year>/<int:quarter>/pdf/",
        funders.pdf_download,
        name="funders_pdf",
    ),
    path("themes/", themes.themes, name="themes"),
    path("themes/<str:kind>/<int:pk>/", themes.tag, name="tag_reflection"),
]
