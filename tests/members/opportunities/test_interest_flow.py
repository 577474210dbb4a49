"""A member expresses interest, sees it pending, withdraws it or answers an offer."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from members.models import ExpressionOfInterest
from members.opportunities import services as services
from tests.factories import UserFactory
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)
from website import activity

GOOD = {
    "why_interested": "I have cared for my dad for years and want leaders to hear it.",
    "experience": "I chair a carers' group.",
    "availability": "Tuesday and Thursday afternoons",
    "access_needs": "",
}


@pytest.fixture
def index(home_page):
    return ensure_index(home_page)


@pytest.fixture
def opportunity(index):
    return make_opportunity(index, title="Coaching a director", places=2)


def url(opportunity):
    return f"/portal/opportunities/{opportunity.pk}/interest/"


def test_anonymous_visitor_is_sent_to_sign_in_and_back(client, opportunity):
    response = client.get(url(opportunity))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(opportunity)}"
    page = client.get(opportunity.url).content.decode()
    assert "Sign in to express interest" in page


def test_member_expresses_interest_and_sees_it_pending(
    client, member, opportunity, mailoutbox
):
    client.force_login(member)
    form = client.get(url(opportunity))
    assert form.status_code == 200
    assert form.content.decode().count("<h1") == 1
    response = client.post(url(opportunity), GOOD)
    interest = ExpressionOfInterest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/portal/interests/{interest.pk}/"
    assert interest.status == "submitted"
    assert interest.member == member
    assert interest.access_needs == ""
    assert list(activity.for_record(interest).values_list("to_state", flat=True)) == [
        "submitted"
    ]
    mine = client.get("/portal/interests/").content.decode()
    assert "Coaching a director" in mine
    assert "Submitted (pending review)" in mine
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "Coaching a director" in mailoutbox[0].subject


def test_saved_access_needs_prefill_but_are_shared_only_when_ticked(
    client, member, opportunity
):
    from members.models import MemberProfile

    profile, _ = MemberProfile.objects.get_or_create(user=member)
    if hasattr(profile, "access_needs"):
        profile.access_needs = "Step-free access please"
        profile.save()
        assert "Step-free access please" in client_get(client, member, url(opportunity))
    client.force_login(member)
    client.post(url(opportunity), {**GOOD, "access_needs": "Large print papers"})
    assert ExpressionOfInterest.objects.get().access_needs == ""


def client_get(client, user, path):
    client.force_login(user)
    return client.get(path).content.decode()


def test_ticked_access_needs_are_kept_for_this_opportunity(client, member, opportunity):
    client.force_login(member)
    client.post(
        url(opportunity),
        {**GOOD, "access_needs": "Large print papers", "share_access_needs": "on"},
    )
    assert ExpressionOfInterest.objects.get().access_needs == "Large print papers"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"why_interested": ""}, "why_interested", "Tell us why you are interested"),
        ({"why_interested": "   "}, "why_interested", "Tell us why you are interested"),
        ({"why_interested": "\x00\x01\x02"}, "why_interested", "Tell us why"),
        ({"why_interested": "x" * 2001}, "why_interested", "2,000 characters or fewer"),
        ({"availability": ""}, "availability", "Tell us when you are available"),
        ({"share_access_needs": "on"}, "access_needs", "Describe your access needs"),
    ],
)
def test_bad_input_gets_a_clear_message_next_to_the_field(
    client, member, opportunity, data, field, message
):
    client.force_login(member)
    response = client.post(url(opportunity), {**GOOD, **data})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert f'href="#id_{field}"' in html
    assert message in html
    assert not ExpressionOfInterest.objects.exists()


def test_html_emoji_and_control_characters_are_stored_as_plain_text(
    client, member, opportunity
):
    client.force_login(member)
    client.post(
        url(opportunity),
        {**GOOD, "why_interested": "<script>alert(1)</script> 🙂\u202e ok\x07"},
    )
    interest = ExpressionOfInterest.objects.get()
    assert interest.why_interested == "<script>alert(1)</script> 🙂 ok"
    html = client.get(f"/portal/interests/{interest.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_double_submission_keeps_one_interest(client, member, opportunity):
    client.force_login(member)
    first = client.post(url(opportunity), GOOD)
    second = client.post(url(opportunity), GOOD)
    assert ExpressionOfInterest.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_service_returns_existing_interest_when_called_twice(member, opportunity):
    one, created_one = services.submit_interest(member, opportunity, GOOD)
    two, created_two = services.submit_interest(member, opportunity, GOOD)
    assert (created_one, created_two) == (True, False)
    assert one.pk == two.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_unique_constraint_holds_under_a_race(home_page):
    """Two requests that both passed the 'already exists?' check: the database keeps one."""
    from django.db import IntegrityError, transaction

    index = ensure_index(home_page)
    opportunity = make_opportunity(index)
    member = UserFactory(groups=["Members"])
    InterestFactory(opportunity=opportunity, member=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpressionOfInterest.objects.create(
            opportunity=opportunity, member=member, why_interested="x", availability="y"
        )
    assert ExpressionOfInterest.objects.count() == 1


def test_closed_opportunity_refuses_interest_and_offers_waiting_list(
    client, member, index
):
    closed = make_opportunity(
        index, title="Closed one", closes_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(member)
    page = client.get(url(closed)).content.decode()
    assert "has closed" in page
    assert "Join the waiting list" in page
    # Posting without asking for the waiting list is refused with a clear message.
    response = client.post(url(closed), GOOD)
    assert response.status_code == 200
    assert not ExpressionOfInterest.objects.exists()
    client.post(url(closed), {**GOOD, "waiting_list": "1"})
    assert ExpressionOfInterest.objects.get().status == "waiting_list"


def test_a_kept_page_fills_up_as_soon_as_a_place_is_accepted(
    client, member, member_other, index, fragments_on, staff
):
    """What every reader sees alike on an opportunity is kept between readers; accepting
    the last place changes it at once (an interest's save bumps the generation)."""
    opportunity = make_opportunity(index, places=1)
    client.force_login(member)
    assert "No places left" not in client.get(opportunity.url).content.decode()
    interest = InterestFactory(
        opportunity=opportunity, member=member_other, status="offered"
    )
    services.respond_to_offer(interest, True, member_other)
    detail = client.get(opportunity.url).content.decode()
    assert "No places left" in detail
    assert "Join the waiting list" in detail


def test_full_opportunity_offers_waiting_list(client, member, member_other, index):
    full = make_opportunity(index, places=1)
    InterestFactory(opportunity=full, member=member_other, status="accepted")
    client.force_login(member)
    detail = client.get(full.url).content.decode()
    assert "No places left" in detail
    assert "Join the waiting list" in detail
    with pytest.raises(services.OpportunityUnavailable):
        services.submit_interest(member, full, GOOD)
    client.post(url(full), {**GOOD, "waiting_list": "1"})
    assert ExpressionOfInterest.objects.get(member=member).status == "waiting_list"


def test_unpublished_opportunity_is_404(client, member, index):
    draft = make_opportunity(index, publish=False)
    client.force_login(member)
    assert client.get(url(draft)).status_code == 404
    assert client.post(url(draft), GOOD).status_code == 404
    assert client.get("/portal/opportunities/999999/interest/").status_code == 404


def test_non_member_cannot_express_interest(client, editor, staff, opportunity):
    for user in (editor, staff):
        client.force_login(user)
        assert client.post(url(opportunity), GOOD).status_code == 403
    assert not ExpressionOfInterest.objects.exists()


def test_members_only_opportunity_is_404_for_non_members(client, editor, member, index):
    private = make_opportunity(index, audience="members")
    client.force_login(editor)
    assert client.get(url(private)).status_code == 404
    client.force_login(member)
    assert client.get(url(private)).status_code == 200


def test_member_withdraws_after_confirming(client, member, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member)
    client.force_login(member)
    confirm = client.get(f"/portal/interests/{interest.pk}/withdraw/")
    assert "Yes, withdraw my interest" in confirm.content.decode()
    interest.refresh_from_db()
    assert interest.status == "submitted"  # a GET changes nothing
    client.post(f"/portal/interests/{interest.pk}/withdraw/")
    interest.refresh_from_db()
    assert interest.status == "withdrawn"
    assert activity.for_record(interest).last().actor == member


@pytest.mark.parametrize("status", ["offered", "not_selected", "accepted", "withdrawn"])
def test_member_cannot_withdraw_after_a_decision(client, member, opportunity, status):
    interest = InterestFactory(opportunity=opportunity, member=member, status=status)
    client.force_login(member)
    client.post(f"/portal/interests/{interest.pk}/withdraw/")
    interest.refresh_from_db()
    assert interest.status == status


def test_other_members_interests_are_404(client, member, member_other, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member_other)
    client.force_login(member)
    for path in ("", "withdraw/"):
        assert client.get(f"/portal/interests/{interest.pk}/{path}").status_code == 404
        assert client.post(f"/portal/interests/{interest.pk}/{path}").status_code == 404
    assert (
        client.post(
            f"/portal/interests/{interest.pk}/respond/", {"decision": "accept"}
        ).status_code
        == 404
    )
    interest.refresh_from_db()
    assert interest.status == "submitted"


def test_member_accepts_an_offer(client, member, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member, status="offered")
    client.force_login(member)
    client.post(f"/portal/interests/{interest.pk}/respond/", {"decision": "accept"})
    interest.refresh_from_db()
    assert interest.status == "accepted"


def test_member_declines_an_offer(client, member, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member, status="offered")
    client.force_login(member)
    client.post(f"/portal/interests/{interest.pk}/respond/", {"decision": "decline"})
    interest.refresh_from_db()
    assert interest.status == "declined"


def test_answer_to_offer_with_bad_input_is_a_clear_error(client, member, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member, status="offered")
    client.force_login(member)
    response = client.post(
        f"/portal/interests/{interest.pk}/respond/", {"decision": "maybe"}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    interest.refresh_from_db()
    assert interest.status == "offered"


def test_accepting_when_places_have_filled_is_refused(
    client, member, member_other, index
):
    opportunity = make_opportunity(index, places=1)
    InterestFactory(opportunity=opportunity, member=member_other, status="accepted")
    interest = InterestFactory(opportunity=opportunity, member=member, status="offered")
    client.force_login(member)
    client.post(f"/portal/interests/{interest.pk}/respond/", {"decision": "accept"})
    interest.refresh_from_db()
    assert interest.status == "offered"


# Every transition and who may make it.
ALL = [
    "submitted",
    "shortlisted",
    "offered",
    "not_selected",
    "accepted",
    "declined",
    "withdrawn",
    "waiting_list",
]
STAFF_ALLOWED = {
    ("submitted", "shortlisted"),
    ("submitted", "not_selected"),
    ("waiting_list", "submitted"),
    ("waiting_list", "shortlisted"),
    ("waiting_list", "not_selected"),
    ("shortlisted", "offered"),
    ("shortlisted", "not_selected"),
    ("offered", "not_selected"),
}
MEMBER_ALLOWED = {
    ("submitted", "withdrawn"),
    ("shortlisted", "withdrawn"),
    ("waiting_list", "withdrawn"),
    ("offered", "accepted"),
    ("offered", "declined"),
}


@pytest.mark.parametrize("old", ALL)
@pytest.mark.parametrize("new", ALL)
def test_transition_matrix(member, staff, editor, opportunity, old, new):
    from members.opportunities import workflow as perms

    interest = InterestFactory(opportunity=opportunity, member=member, status=old)
    assert perms.can_change_interest_status(staff, interest, new) == (
        (old, new) in STAFF_ALLOWED
    )
    assert perms.member_can_move(member, interest, new) == (
        (old, new) in MEMBER_ALLOWED
    )
    assert perms.can_change_interest_status(editor, interest, new) is False
    assert perms.can_change_interest_status(member, interest, new) is False


def test_staff_status_change_records_history_and_emails_kindly(
    member, staff, opportunity, mailoutbox
):
    interest = InterestFactory(opportunity=opportunity, member=member)
    services.change_status(interest, "not_selected", staff)
    interest.refresh_from_db()
    assert interest.status == "not_selected"
    change = activity.for_record(interest).last()
    assert (change.from_state, change.to_state, change.actor) == (
        "submitted",
        "not_selected",
        staff,
    )
    call_command("run_outbox_worker", once=True)
    assert mailoutbox[-1].to == [member.email]
    assert "not a judgement" in mailoutbox[-1].body


def test_staff_cannot_skip_steps(member, staff, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member)
    with pytest.raises(services.InvalidTransition):
        services.change_status(interest, "accepted", staff)
    interest.refresh_from_db()
    assert interest.status == "submitted"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_submissions_keep_one_interest_on_postgresql(home_page):
    """Two tabs submitting at the same moment (real threads, real transactions)."""
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race")
    index = ensure_index(home_page)
    opportunity = make_opportunity(index)
    member = UserFactory(groups=["Members"])
    barrier = threading.Barrier(4)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            results.append(services.submit_interest(member, opportunity, GOOD)[0].pk)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert ExpressionOfInterest.objects.count() == 1
    assert len(set(results)) == 1
