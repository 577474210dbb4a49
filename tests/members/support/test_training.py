"""Partner training: staff record completions (expiry worked out from the course), the
partner's own record in the portal, and "things to do" 30 days before it runs out."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.support import services, training
from members.support.models import TrainingCompletion, TrainingCourse
from tests.factories import UserFactory
from tests.factories.pairings import make_partner
from website import todo

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return TrainingCourse.objects.create(
        name="Safeguarding adults", provider="Example Board", valid_months=12
    )


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat", last_name="Jones")


def _todos(rf, user, audience=todo.PORTAL):
    request = rf.get("/")
    request.user = user
    return todo.things_to_do(request, audience)


def _day(value):
    return f"{value.day} {value:%B %Y}"


# --- the service -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2026, 3, 14), 12, date(2027, 3, 14)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 27), -12, date(2025, 12, 27)),
    ],
)
def test_months_are_added_as_people_count_them(start, months, end):
    assert services.add_months(start, months) == end


def test_the_expiry_is_worked_out_from_the_course_and_kept(partner, course, staff):
    completion = services.record_completion(
        partner, course, date(2026, 3, 14), by=staff
    )
    assert completion.expires_on == date(2027, 3, 14)
    assert completion.recorded_by == staff
    course.valid_months = 24
    course.save()
    completion.refresh_from_db()
    assert completion.expires_on == date(2027, 3, 14)


def test_a_course_that_never_needs_renewing_has_no_expiry(partner, staff):
    forever = TrainingCourse.objects.create(name="Coaching skills", valid_months=None)
    completion = services.record_completion(
        partner, forever, date(2026, 3, 14), by=staff
    )
    assert completion.expires_on is None


def test_the_service_refuses_what_cannot_be_true(partner, course, staff, member):
    today = timezone.localdate()
    for who, what, when in [
        (member, course, today),  # not a Lived Experience Partner
        (partner, course, today + timedelta(days=1)),
        (partner, course, date(1900, 1, 1)),
    ]:
        with pytest.raises(services.TrainingError):
            services.record_completion(who, what, when, by=staff)
    course.active = False
    course.save()
    with pytest.raises(services.TrainingError):
        services.record_completion(partner, course, today, by=staff)
    assert not TrainingCompletion.objects.exists()


def test_the_same_completion_twice_is_refused(partner, course, staff):
    services.record_completion(partner, course, date(2026, 3, 14), by=staff)
    with pytest.raises(services.TrainingError, match="already has"):
        services.record_completion(partner, course, date(2026, 3, 14), by=staff)


# --- the partner's record in the portal --------------------------------------------------


def test_partner_sees_what_when_and_until_when_with_expiring_soon_highlighted(
    client, partner, course, staff
):
    today = timezone.localdate()
    soon = services.record_completion(
        partner, course, services.add_months(today + timedelta(days=20), -12), by=staff
    )
    story = TrainingCourse.objects.create(
        name="Sharing your story safely", valid_months=24
    )
    services.record_completion(partner, story, today - timedelta(days=100), by=staff)
    client.force_login(partner)
    html = client.get(reverse("members:my_training")).content.decode()
    assert "Running out soon" in html
    assert f"Safeguarding adults: valid until {_day(soon.expires_on)}" in html
    assert html.count("Runs out soon") == 1
    assert "Sharing your story safely" in html and "In date" in html
    assert "Example Board" in html


def test_a_renewed_course_is_no_longer_highlighted(client, partner, course, staff):
    today = timezone.localdate()
    services.record_completion(
        partner, course, services.add_months(today + timedelta(days=10), -12), by=staff
    )
    services.record_completion(partner, course, today, by=staff)
    client.force_login(partner)
    html = client.get(reverse("members:my_training")).content.decode()
    assert "Running out soon" not in html and "Runs out soon" not in html


def test_someone_without_training_is_told_how_to_add_it(client, partner):
    client.force_login(partner)
    html = client.get(reverse("members:my_training")).content.decode()
    assert "No training is recorded for you yet" in html


def test_portal_links_to_training_for_partners_only(client, partner, member):
    client.force_login(partner)
    assert reverse("members:my_training") in client.get("/portal/").content.decode()
    client.force_login(member)
    assert reverse("members:my_training") not in client.get("/portal/").content.decode()


def test_partner_sees_only_their_own_training(client, partner, course, staff):
    other = make_partner("other.partner@example.org")
    services.record_completion(other, course, date(2026, 3, 14), by=staff)
    client.force_login(partner)
    html = client.get(reverse("members:my_training")).content.decode()
    assert "Safeguarding adults" not in html


# --- things to do --------------------------------------------------------------------------


def test_partner_is_reminded_30_days_before_and_not_after_renewing(
    rf, partner, course, staff
):
    today = timezone.localdate()
    expires_in = lambda days: services.add_months(today + timedelta(days=days), -12)  # noqa: E731
    services.record_completion(partner, course, expires_in(31), by=staff)
    assert not [t for t in _todos(rf, partner) if t.kind == "training_expiring"]
    TrainingCompletion.objects.all().delete()
    completion = services.record_completion(partner, course, expires_in(30), by=staff)
    (item,) = [t for t in _todos(rf, partner) if t.kind == "training_expiring"]
    assert item.text == (
        f"Your Safeguarding adults training runs out on {_day(completion.expires_on)}. "
        "Programme staff can help you renew it."
    )
    assert item.url == "/portal/training/" and item.due == completion.expires_on
    services.record_completion(partner, course, today, by=staff)
    assert not [t for t in _todos(rf, partner) if t.kind == "training_expiring"]


def test_staff_see_how_many_partners_have_training_running_out(
    rf, partner, course, staff, editor
):
    today = timezone.localdate()
    second = make_partner("second.partner@example.org")
    for who in (partner, second):
        services.record_completion(
            who, course, services.add_months(today + timedelta(days=5), -12), by=staff
        )
    items = [t for t in _todos(rf, staff, todo.ADMIN) if t.kind.startswith("training")]
    assert [t.text for t in items] == [
        "2 partners have training running out within 30 days"
    ]
    assert items[0].url == "/admin/training/?show=expiring"
    assert not [
        t for t in _todos(rf, editor, todo.ADMIN) if t.kind.startswith("training")
    ]


def test_reminders_cost_a_fixed_number_of_queries(
    rf, course, staff, django_assert_max_num_queries
):
    today = timezone.localdate()
    for n in range(20):
        who = make_partner(f"p{n}@example.org")
        services.record_completion(
            who, course, services.add_months(today + timedelta(days=n), -12), by=staff
        )
    request = rf.get("/admin/")
    request.user = staff
    from members.support import todos

    with django_assert_max_num_queries(2):
        todos.training_for_staff(request)
    assert training.expiring().count() == 20


# --- staff in the admin ----------------------------------------------------------------


def test_staff_record_a_completion_and_see_it_listed(client, partner, course, staff):
    client.force_login(staff)
    response = client.post(
        reverse("training_admin:record"),
        {
            "email": "PAT.partner@example.org",
            "course": course.pk,
            "completed_on": "2026-03-14",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Safeguarding adults recorded. It is valid until 14 March 2027." in html
    assert "Pat Jones" in html
    completion = TrainingCompletion.objects.get()
    assert completion.partner == partner and completion.expires_on == date(2027, 3, 14)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the partner&#x27;s email address"),
        ({"email": "not an email"}, "Enter an email address like name@example.org"),
        ({"email": "nobody@example.org"}, "No Lived Experience Partner has that email"),
        ({"email": "x" * 300 + "@example.org"}, "Ensure this value has at most 254"),
        ({"course": "999999"}, "Choose one of the courses in the list"),
        ({"course": "'; DROP TABLE x;--"}, "Choose one of the courses in the list"),
        ({"completed_on": "31/02/2026"}, "Enter a real date"),
        ({"completed_on": "2999-01-01"}, "The date must be today or in the past"),
        ({"completed_on": "1901-01-01"}, "Check the date: it is too long ago"),
    ],
)
def test_bad_input_gets_a_clear_message(client, partner, course, staff, data, message):
    client.force_login(staff)
    good = {"email": partner.email, "course": course.pk, "completed_on": "2026-03-14"}
    if data:
        good.update(data)
    else:
        good = {}
    response = client.post(reverse("training_admin:record"), good)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert not TrainingCompletion.objects.exists()


def test_a_member_who_is_not_a_partner_cannot_be_given_training(
    client, member, course, staff
):
    client.force_login(staff)
    response = client.post(
        reverse("training_admin:record"),
        {"email": member.email, "course": course.pk, "completed_on": "2026-03-14"},
    )
    assert response.status_code == 400
    assert "No Lived Experience Partner has that email" in response.content.decode()


def test_staff_filter_expiring_and_remove_a_mistake(client, partner, course, staff):
    today = timezone.localdate()
    old = services.record_completion(partner, course, date(2020, 1, 1), by=staff)
    soon = services.record_completion(
        partner, course, services.add_months(today + timedelta(days=3), -12), by=staff
    )
    client.force_login(staff)
    html = client.get(reverse("training_admin:index") + "?show=expiring").content
    assert html.decode().count("<td>Safeguarding adults</td>") == 1
    shown = f"{soon.expires_on.day} {soon.expires_on:%b %Y}"
    assert shown in html.decode() and "1 Jan 2020" not in html.decode()
    response = client.post(reverse("training_admin:remove", args=[old.pk]), follow=True)
    assert "removed" in response.content.decode()
    assert list(TrainingCompletion.objects.all()) == [soon]


def test_only_programme_staff_reach_the_training_screens(client, partner, course):
    support = UserFactory(groups=["Partner support"])
    finance = UserFactory(groups=["Finance staff"])
    for user in (support, finance):
        client.force_login(user)
        assert client.get(reverse("training_admin:index")).status_code == 403
        assert client.get(reverse("training_admin:record")).status_code == 403
    client.force_login(partner)
    assert client.get(reverse("training_admin:index")).status_code == 302


def test_staff_manage_courses_as_snippets(client, staff):
    client.force_login(staff)
    listing = client.get(reverse("wagtailsnippets_members_trainingcourse:list"))
    assert listing.status_code == 200
    response = client.post(
        reverse("wagtailsnippets_members_trainingcourse:add"),
        {
            "name": "Coaching skills for partners",
            "provider": "Voices programme team",
            "covers": "Listening and open questions.",
            "valid_months": "36",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert TrainingCourse.objects.get().valid_months == 36


def test_training_list_stays_within_its_query_budget(
    client, course, staff, django_assert_max_num_queries
):
    for n in range(30):
        who = make_partner(f"p{n}@example.org")
        services.record_completion(who, course, date(2026, 3, 1), by=staff)
    client.force_login(staff)
    client.get(reverse("training_admin:index"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("training_admin:index"))
    assert response.content.decode().count("<td>Safeguarding adults</td>") == 30


def test_the_reminder_shows_on_the_partners_dashboard(client, partner, course, staff):
    today = timezone.localdate()
    client.force_login(partner)
    assert "training runs out" not in client.get("/portal/").content.decode()
    completion = services.record_completion(
        partner, course, services.add_months(today + timedelta(days=20), -12), by=staff
    )
    html = client.get("/portal/").content.decode()
    assert (
        f"Your Safeguarding adults training runs out on {_day(completion.expires_on)}"
        in html
    )
    assert 'href="/portal/training/"' in html
