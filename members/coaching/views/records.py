"""What the people in a pairing record: sessions, claims, reflections, and a partner's
availability for matching."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from members.accounts.choices import MemberType
from members.coaching import permissions as perms
from members.coaching import reflections, services, sessions
from members.coaching.forms import (
    AvailabilityForm,
    ReflectionForm,
    SessionForm,
)
from members.coaching.models import (
    Pairing,
    PartnerAvailability,
)
from members.coaching.views.access import (
    PORTAL_CRUMB,
    get_pairing_or_404,
    pairing_crumbs,
)

S = Pairing.Status


def _record(request, pairing, form, save, *, thanks, template):
    """One pairing form: save through the service, thank the person and go back to the
    pairing, or show the service's refusal above the form."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
            messages.success(request, thanks)
            return redirect("members:pairing_detail", pk=pairing.pk)
        except services.PairingError as error:
            form.add_error(None, str(error))
    return render(
        request,
        f"members/pairings/{template}",
        {"pairing": pairing, "form": form, "crumbs": pairing_crumbs(pairing)},
    )


def _posted(request):
    return request.POST if request.method == "POST" else None


@login_required
@require_http_methods(["GET", "POST"])
def pairing_session(request, pk):
    """Record that a session happened: date, length and how you met."""
    pairing = get_pairing_or_404(request, pk)
    if not perms.is_participant(request.user, pairing):
        raise Http404("No such pairing")
    if not perms.can_record_session(request.user, pairing):
        messages.error(
            request, "Sessions can be recorded only while the pairing is running."
        )
        return redirect("members:pairing_detail", pk=pairing.pk)
    return _record(
        request,
        pairing,
        SessionForm(_posted(request)),
        lambda data: sessions.record_session(pairing, by=request.user, **data),
        thanks="Session recorded. Thank you.",
        template="session_form.html",
    )


@login_required
def pairing_claim(request, pk):
    """Where partners used to claim for a session: claims now open by themselves when a
    session is recorded, in My payments, so old links and bookmarks lead there."""
    if not perms.is_pairing_partner(request.user, get_pairing_or_404(request, pk)):
        raise Http404("No such pairing")
    return redirect("members:my_payments")


@login_required
@require_http_methods(["GET", "POST"])
def pairing_reflect(request, pk):
    """The short reflection at the end, once from each side."""
    pairing = get_pairing_or_404(request, pk)
    role = perms.reflection_role(request.user, pairing)
    if role is None:
        raise Http404("No such pairing")
    if not perms.can_reflect(request.user, pairing):
        messages.error(request, "Reflections open when the pairing has finished.")
        return redirect("members:pairing_detail", pk=pairing.pk)
    if pairing.reflections.filter(role=role).exists():
        messages.info(request, "You have already sent your reflection. Thank you.")
        return redirect("members:pairing_detail", pk=pairing.pk)
    return _record(
        request,
        pairing,
        ReflectionForm(_posted(request)),
        lambda data: reflections.submit_reflection(
            pairing,
            by=request.user,
            role=role,
            data={name: data[name] for name in ReflectionForm.Meta.fields},
        ),
        thanks="Thank you for your reflection.",
        template="reflection_form.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_availability(request):
    """A Lived Experience Partner keeps their capacity and areas up to date for matching."""
    profile = getattr(request.user, "profile", None)
    if profile is None or profile.member_type != MemberType.LIVED_EXPERIENCE_PARTNER:
        raise Http404("Only for Lived Experience Partners")
    availability = PartnerAvailability.objects.filter(user=request.user).first()
    if availability is None:
        availability = PartnerAvailability(user=request.user)
    form = AvailabilityForm(_posted(request), instance=availability)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Thank you. Your availability is saved.")
        return redirect("members:pairing_list")
    return render(
        request,
        "members/pairings/availability.html",
        {
            "form": form,
            "crumbs": [
                PORTAL_CRUMB,
                ("Your pairings", reverse("members:pairing_list")),
            ],
        },
    )
