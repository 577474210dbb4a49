"""Staff resetting a member's two-step sign-in (a lost phone), only with their own second
factor entered in the last few minutes (members/accounts/mfa_enrolment.py has the rules)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from members.accounts import mfa_enrolment
from members.accounts.permissions import can_view_members
from members.models import MemberProfile


@require_POST
def member_reset_two_step(request, pk):
    """Staff reset a member's two-step sign-in (a lost phone), with their own second factor
    entered in the last few minutes; otherwise they are asked for it first."""
    if not can_view_members(request.user):
        raise PermissionDenied
    profile = get_object_or_404(MemberProfile.objects.select_related("user"), pk=pk)
    back = reverse("members_accounts_admin:member_detail", args=[profile.pk])
    if not mfa_enrolment.may_reset_for(request.user, profile.user):
        messages.error(request, "You cannot reset two-step sign-in for this account.")
        return redirect(back)
    if not mfa_enrolment.second_factor_is_fresh(request):
        messages.warning(
            request,
            "Enter a code from your own authenticator app first, then press Reset again.",
        )
        return redirect(reverse("mfa_reauthenticate") + "?" + urlencode({"next": back}))
    if mfa_enrolment.reset_two_step(profile.user, by=request.user):
        messages.success(
            request,
            "Two-step sign-in was reset. The member has been emailed and sets it up "
            "again next time they sign in.",
        )
    else:
        messages.info(request, "This member had not set up two-step sign-in.")
    return redirect(back)
