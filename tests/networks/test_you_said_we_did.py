"""The network's "you said, we did" log: co-chairs record what members raised, what was
decided and what changed; everyone reads it on its public page, linked from the network
page; a member is named only with their agreement and while they belong to the network."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from networks import reading
from networks.models import NetworkMembership, YouSaidWeDid
from tests.factories import UserFactory
from website import activity

pytestmark = pytest.mark.django_db

LIST = "/portal/networks/west-midlands/you-said/"
NEW = LIST + "new/"
PUBLIC = "/networks/west-midlands/you-said/"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def form(**overrides):
    today = timezone.localdate()
    data = {
        "you_said": "The meeting room was too hard to reach by bus.",
        "raised_on": (today - timedelta(days=30)).isoformat(),
        "raised_by": "",
        "decided": "Meet at the library by the bus station.",
        "we_did": "",
        "changed_on": "",
    }
    data.update(overrides)
    return data


def test_a_cochair_adds_an_item_and_everyone_reads_it_on_the_network_page(
    cochair, network, client
):
    response = logged_in(cochair).post(NEW, form(), follow=True)
    assert "shows on the network’s public log" in response.content.decode()
    item = YouSaidWeDid.objects.get()
    assert item.created_by == cochair and item.network_id == network.pk
    assert "saved" in activity.history(item)[0].label
    network_page = client.get(network.url).content.decode()
    assert "You said, we did" in network_page and PUBLIC in network_page
    page = client.get(PUBLIC).content.decode()
    assert "too hard to reach by bus" in page
    assert "Not changed yet" in page


def test_what_changed_is_added_later(cochair, network, client):
    owner = logged_in(cochair)
    owner.post(NEW, form())
    item = YouSaidWeDid.objects.get()
    today = timezone.localdate().isoformat()
    owner.post(
        f"{LIST}{item.pk}/edit/",
        form(we_did="Meetings moved to the central library.", changed_on=today),
    )
    page = client.get(PUBLIC).content.decode()
    assert "Meetings moved to the central library." in page
    assert "Not changed yet" not in page


def test_a_member_is_named_only_with_agreement_and_while_a_member(
    cochair, network, network_member, client
):
    owner = logged_in(cochair)
    refused = owner.post(NEW, form(raised_by=network_member.pk))
    assert "agreed to be named" in refused.content.decode()
    assert not YouSaidWeDid.objects.exists()
    owner.post(NEW, form(raised_by=network_member.pk, named_with_consent="on"))
    assert (
        f"raised by {network_member.display_name}"
        in client.get(PUBLIC).content.decode()
    )
    NetworkMembership.objects.filter(user=network_member).delete()  # she leaves
    page = client.get(PUBLIC).content.decode()
    assert "too hard to reach by bus" in page
    assert network_member.display_name not in page


def test_only_the_networks_members_can_be_named(cochair, network, member_other):
    response = logged_in(cochair).post(
        NEW, form(raised_by=member_other.pk, named_with_consent="on")
    )
    assert "Choose a member of this network" in response.content.decode()
    assert not YouSaidWeDid.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"you_said": ""}, "Enter what members raised"),
        ({"you_said": "   \t "}, "Enter what members raised"),
        ({"you_said": "a\x00b"}, "Null characters are not allowed"),
        ({"you_said": "x" * 5000}, "1,000 characters or fewer"),
        ({"raised_on": "not a date"}, "Enter a real date"),
        ({"raised_on": "1066-10-14"}, "2000 or later"),
        (
            {"raised_on": (timezone.localdate() + timedelta(days=3)).isoformat()},
            "cannot be in the future",
        ),
        (
            {"changed_on": "2001-01-01", "we_did": "Something."},
            "cannot come before it was raised",
        ),
        ({"changed_on": timezone.localdate().isoformat()}, "Say what changed"),
        ({"named_with_consent": "on"}, "Choose who agreed to be named"),
        ({"raised_by": "<script>"}, "Choose a member of this network"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(cochair, overrides, message):
    response = logged_in(cochair).post(NEW, form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not YouSaidWeDid.objects.exists()


def test_hostile_text_is_shown_as_text(cochair, network, client):
    logged_in(cochair).post(NEW, form(you_said="<script>alert(1)</script> & more"))
    page = client.get(PUBLIC).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_only_current_cochairs_of_the_network_keep_the_log(
    network, cochair, cochair_other, past_cochair, network_member, staff
):
    logged_in(cochair).post(NEW, form())
    item = YouSaidWeDid.objects.get()
    for outsider in (cochair_other, past_cochair, network_member, staff):
        client = logged_in(outsider)
        assert client.get(LIST).status_code == 404
        assert client.post(NEW, form(you_said="Sneaky")).status_code == 404
        assert client.post(f"{LIST}{item.pk}/edit/", form()).status_code == 404
    assert YouSaidWeDid.objects.count() == 1
    assert Client().get(LIST).status_code == 302


def test_an_item_of_another_network_cannot_be_changed_through_this_one(
    cochair, cochair_other, other_network
):
    logged_in(cochair_other).post(
        "/portal/networks/north-west/you-said/new/", form(you_said="North West item")
    )
    theirs = YouSaidWeDid.objects.get()
    response = logged_in(cochair).post(f"{LIST}{theirs.pk}/edit/", form())
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.you_said == "North West item"


def test_the_workspace_links_to_the_log(cochair):
    page = logged_in(cochair).get("/portal/networks/west-midlands/").content.decode()
    assert LIST in page


def test_the_network_page_reads_the_log_in_one_query(
    cochair, network, django_assert_max_num_queries
):
    owner = logged_in(cochair)
    for n in range(8):
        member = UserFactory(email=f"m{n}@example.org", groups=["Members"])
        NetworkMembership.objects.create(network=network, user=member)
        owner.post(NEW, form(raised_by=member.pk, named_with_consent="on"))
    with django_assert_max_num_queries(1):
        items = reading.name_raisers(reading.you_said_rows(network)[:5])
        names = [item.shown_name for item in items]
    assert len(items) == 5 and all(names)


def test_a_private_networks_log_is_private_too(cochair, network, client):
    logged_in(cochair).post(NEW, form())
    PageViewRestriction.objects.create(page=network, restriction_type="login")
    assert client.get(PUBLIC).status_code == 404
    assert Client().get("/networks/nowhere/you-said/").status_code == 404


def test_the_public_log_is_paginated_with_bounded_queries(
    cochair, network, client, django_assert_max_num_queries
):
    owner = logged_in(cochair)
    for n in range(25):
        owner.post(NEW, form(you_said=f"Item number {n}"))
    client.get(PUBLIC)
    with django_assert_max_num_queries(8):
        first = client.get(PUBLIC).content.decode()
    assert first.count('class="you-said__item"') == 20
    assert "Item number 24" in first and "Item number 0<" not in first
    second = client.get(PUBLIC + "?page=2").content.decode()
    assert "Item number 0" in second
    assert client.get(PUBLIC + "?page=zzz").status_code == 200
