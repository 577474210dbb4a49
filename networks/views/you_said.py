"""The co-chairs' "you said, we did" log in the workspace: the list, and the form that
adds or changes an item. Current co-chairs of the network only (404 for anyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from networks import reading
from networks.models import YouSaidWeDid
from networks.services import you_said
from networks.views.common import network_for_cochair
from networks.you_said_forms import YouSaidForm


@login_required
def you_said_list(request, slug):
    network = network_for_cochair(request, slug)
    return render(
        request,
        "networks/you_said_list.html",
        {
            "network": network,
            "items": reading.name_raisers(reading.you_said_rows(network)[:200]),
        },
    )


@login_required
def you_said_form(request, slug, pk=None):
    network = network_for_cochair(request, slug)
    item = None
    if pk is not None:
        item = get_object_or_404(YouSaidWeDid, pk=pk, network_id=network.pk)
    people = you_said.network_member_users(network)
    if request.method == "POST":
        form = YouSaidForm(request.POST, instance=item, people=people)
        if form.is_valid():
            you_said.save_item(
                network, by=request.user, data=form.cleaned_data, item=item
            )
            messages.success(
                request,
                "The item is saved and shows on the network’s public log."
                if item is None
                else "Your changes are saved.",
            )
            return redirect("networks:you_said", slug=network.slug)
    else:
        form = YouSaidForm(instance=item, people=people)
    return render(
        request,
        "networks/you_said_form.html",
        {"network": network, "form": form, "item": item},
    )
