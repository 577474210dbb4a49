"""The member's own profile: view, edit, and withdraw consent for private information."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from members.accounts import services as services
from members.accounts.profile_forms import ProfileForm


@login_required
def profile(request):
    """What the member has told us, in plain words, with a link to change it."""
    member_profile = services.get_profile(request.user)
    return render(request, "members/profile.html", {"profile": member_profile})


@sensitive_post_parameters(
    "lived_experience", "caring_responsibilities", "access_needs", "bio", "phone"
)
@login_required
def edit_profile(request):
    """One page, three short sections; private fields explained and consented separately."""
    member_profile = services.get_profile(request.user)
    form = ProfileForm(
        request.POST if request.method == "POST" else None, instance=member_profile
    )
    if request.method == "POST" and form.is_valid():
        services.save_profile(
            member_profile,
            form.profile_data(),
            preferred_name=form.cleaned_data["preferred_name"],
            special_category_consent=form.cleaned_data["special_category_consent"],
        )
        messages.success(request, "Your profile has been saved.")
        return redirect("members:profile")
    return render(request, "members/profile_edit.html", {"form": form})


@login_required
@require_POST
def withdraw_consent(request):
    """Deletes lived experience, caring and access needs at once (DP-2)."""
    services.withdraw_special_category_consent(services.get_profile(request.user))
    messages.success(
        request,
        "We have deleted your lived experience, caring and access needs information.",
    )
    return redirect("members:profile")
