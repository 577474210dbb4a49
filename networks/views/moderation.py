"""Staff moderation of co-chair updates inside the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from networks import forms, permissions
from networks.models import CoChairUpdate
from networks.models.updates import UpdateStatus
from networks.services.errors import NetworkActionError
from networks.services.updates import approve_update, history, return_update


def _require_moderator(request):
    if not permissions.can_moderate_updates(request.user):
        raise PermissionDenied


def moderation_list(request):
    """Updates waiting for staff, oldest first."""
    _require_moderator(request)
    updates = (
        CoChairUpdate.objects.filter(status=UpdateStatus.AWAITING_MODERATION)
        .select_related("network", "author")
        .order_by("updated_at")[:100]
    )
    return TemplateResponse(
        request,
        "networks/admin/moderation_list.html",
        {
            "updates": updates,
            "header_title": "Updates to check",
            "page_title": "Updates to check",
        },
    )


def moderation_detail(request, pk):
    """Read an update as it will appear, then approve it or return it with a note."""
    _require_moderator(request)
    update = get_object_or_404(
        CoChairUpdate.objects.select_related("network", "author"), pk=pk
    )
    form = forms.ReturnUpdateForm()
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                approve_update(request.user, update)
                messages.success(request, f"“{update.title}” is published.")
                return redirect("networks_moderation")
            form = forms.ReturnUpdateForm(request.POST)
            if form.is_valid():
                return_update(request.user, update, form.cleaned_data["note"])
                messages.success(
                    request, f"“{update.title}” was returned to the co-chairs."
                )
                return redirect("networks_moderation")
        except NetworkActionError as exc:
            messages.error(request, str(exc))
            return redirect("networks_moderation")
    return TemplateResponse(
        request,
        "networks/admin/moderation_detail.html",
        {
            "update": update,
            "form": form,
            "revisions": update.revisions.select_related("edited_by")[:20],
            "history": history(update),
            "header_title": f"Check: {update.title}",
            "page_title": f"Check: {update.title}",
        },
    )
