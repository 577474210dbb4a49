"""The funders' quarter: one page per quarter with the headline figures, a chart, three
consented quotes and the "you said, we did" highlights, made on demand by staff with
`members.view_impact_report`. The same template body is the printable page and the PDF
(website/pdf.py), so the two never disagree."""

from datetime import date

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from members.impact import charts, figures, registry
from members.impact.permissions import can_view_impact
from website import pdf
from website.spam import RateLimit
from website.views import forbidden, too_many_requests

QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
FUNDERS_QUOTES = 3


def quarter_of(day):
    return {"year": day.year, "quarter": (day.month - 1) // 3 + 1}


def quarter_range(year, quarter):
    if quarter not in QUARTERS or not 2000 <= year <= 2100:
        raise Http404("No such quarter")
    first, last = QUARTERS[quarter]
    end = date(year + (last == 12), 1 if last == 12 else last + 1, 1)
    return date(year, first, 1), date.fromordinal(end.toordinal() - 1)


def quarter_context(year, quarter, *, compact=False):
    """Everything the page shows, worked out from the report with its small-number rules
    (`compact`: the chart laid out for a printed sheet)."""
    start, end = quarter_range(year, quarter)
    data = figures.report(figures.Filters(start=start, end=end))
    reach = next(s for s in data["sections"] if s["key"] == figures.REACH)
    power = next(s for s in data["sections"] if s["key"] == figures.POWER)
    return {
        "start": start,
        "end": end,
        "year": year,
        "quarter": quarter,
        "previous": (year, quarter - 1) if quarter > 1 else (year - 1, 4),
        "following": (year, quarter + 1) if quarter < 4 else (year + 1, 1),
        "report": data,
        "reach": reach,
        "power": power,
        "reach_chart": charts.bar_chart(
            "Reach this quarter",
            [{"label": f["label"], "shown": f["total"]} for f in reach["figures"]],
            compact=compact,
        ),
        "quotes": data["quotes"][:FUNDERS_QUOTES],
        "highlights": registry.highlights(start, end),
    }


def pdf_limit():
    """Each PDF takes the server a moment to draw; one person asks for a few an hour."""
    return RateLimit("impact-pdf", settings.IMPACT_PDF_PER_HOUR)


@require_GET
def page(request, year, quarter):
    """The printable page, with a link to the PDF (or, without Pango, "Save as PDF")."""
    if not can_view_impact(request.user):
        return forbidden(request)
    context = {**quarter_context(year, quarter), "pdf_available": pdf.available()}
    return render(request, "members/impact/funders.html", context)


@require_GET
def pdf_download(request, year, quarter):
    """The same page as a tagged PDF file, named for the quarter."""
    if not can_view_impact(request.user):
        return forbidden(request)
    start, _ = quarter_range(year, quarter)
    if not pdf.available():
        return render(
            request,
            "members/impact/funders_no_pdf.html",
            {"year": year, "quarter": quarter},
            status=503,
        )
    limit = pdf_limit()
    if limit.is_exceeded(request.user.pk):
        return too_many_requests(request, limit)
    limit.hit(request.user.pk)
    context = quarter_context(year, quarter, compact=True)
    html = render_to_string("members/impact/funders_pdf.html", context)
    title = f"Voices impact, {start:%B} to {context['end']:%B %Y}"
    response = HttpResponse(
        pdf.render_pdf(html, title=title), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="voices-impact-{year}-q{quarter}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
