"""Staff tag what people said changed for them with themes, and the report counts them.

Staff see only reflections whose authors agreed to be quoted (website/reflections.py:
staff read consented words only), without names, a page of one kind at a time."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from home.pagination import get_page
from members.coaching.models import Reflection
from members.impact import services
from members.impact.models import Theme, ThemeTag
from members.impact.permissions import can_view_impact
from members.learning.models import SetReflection
from website.views import forbidden

KINDS = {
    "coaching": (Reflection, "Coaching and mentoring"),
    "learning": (SetReflection, "Learning sets"),
}
PER_PAGE = 20


def _kind(value):
    return value if value in KINDS else "coaching"


@require_http_methods(["GET", "POST"])
def themes(request):
    """The themes, a form to add one, and a page of consented reflections to tag."""
    if not can_view_impact(request.user):
        return forbidden(request)
    kind = _kind(request.GET.get("kind"))
    error = ""
    if request.method == "POST":
        try:
            theme = services.add_theme(request.POST.get("name", ""))
        except services.ThemeError as problem:
            error = str(problem)
        else:
            messages.success(request, f"Theme “{theme.name}” added.")
            return redirect(f"{reverse('impact_admin:themes')}?kind={kind}")
    model, _label = KINDS[kind]
    page_obj = get_page(
        model.objects.filter(quote_consent=True).order_by("-created_at", "-pk"),
        PER_PAGE,
        request.GET.get("page"),
    )
    content_type = ContentType.objects.get_for_model(model)
    tagged = {}
    for object_id, theme_id in ThemeTag.objects.filter(
        content_type=content_type,
        object_id__in=[r.pk for r in page_obj.object_list],
    ).values_list("object_id", "theme_id"):
        tagged.setdefault(object_id, set()).add(theme_id)
    all_themes = list(Theme.objects.order_by("name"))
    rows = [
        {"reflection": r, "themes": tagged.get(r.pk, set())}
        for r in page_obj.object_list
    ]
    return render(
        request,
        "members/impact/admin/themes.html",
        {
            "kind": kind,
            "kinds": [(key, label) for key, (_m, label) in KINDS.items()],
            "page_obj": page_obj,
            "rows": rows,
            "themes": all_themes,
            "error": error,
            "name": request.POST.get("name", "")[:80] if error else "",
        },
        status=400 if error else 200,
    )


@require_POST
def tag(request, kind, pk):
    if not can_view_impact(request.user):
        return forbidden(request)
    kind = _kind(kind)
    model, _label = KINDS[kind]
    reflection = get_object_or_404(model, pk=pk, quote_consent=True)
    wanted = [v for v in request.POST.getlist("theme") if v.isdigit()][:100]
    chosen = list(Theme.objects.filter(pk__in=wanted))
    services.set_themes(reflection, chosen, by=request.user)
    messages.success(request, "Themes saved.")
    page = request.POST.get("page", "")
    suffix = f"&page={page}" if page.isdigit() else ""
    return redirect(
        f"{reverse('impact_admin:themes')}?kind={kind}{suffix}#reflection-{pk}"
    )
