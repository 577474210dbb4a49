"""website.todo gathers every feature's items; website.roles names and checks each role."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import UserFactory
from website import roles, todo


def test_things_to_do_come_soonest_deadline_first_then_undated_by_order(monkeypatch):
    today = timezone.localdate()
    items = [
        todo.Todo("later", "/b", "Go", due=today + timedelta(days=9)),
        todo.Todo("no date, first", "/c", "Go", order=1),
        todo.Todo("soon", "/a", "Go", due=timezone.now() + timedelta(hours=2)),
        todo.Todo("no date, last", "/d", "Go", order=90),
    ]
    request = RequestFactory().get("/")
    # Only this provider: the features' own providers need a signed-in person.
    monkeypatch.setattr(todo.hooks, "get_hooks", lambda name: [lambda request: items])
    found = [item.text for item in todo.things_to_do(request)]
    assert found[:2] == ["soon", "later"]
    assert found[-2:] == ["no date, first", "no date, last"]


def test_an_item_past_its_deadline_says_so():
    assert todo.Todo(
        "x", "/", "Go", due=timezone.localdate() - timedelta(days=1)
    ).overdue
    assert not todo.Todo("x", "/", "Go").overdue


@pytest.mark.django_db
def test_group_roles_are_read_once_per_user(django_assert_num_queries):
    user = UserFactory(groups=[roles.STAFF])
    with django_assert_num_queries(1):
        assert roles.is_staff(user)
        assert not roles.is_editor(user)
        assert roles.has(user, roles.STAFF)


def test_relationship_roles_use_the_registered_check():
    class Someone:
        is_authenticated = True
        pk = 7

    roles.register("test_role", lambda user, obj: obj == user.pk)
    try:
        assert roles.has(Someone(), "test_role", 7)
        assert not roles.has(Someone(), "test_role", 8)
    finally:
        roles._checks.pop("test_role")


def test_anonymous_people_hold_no_role():
    from django.contrib.auth.models import AnonymousUser

    assert not roles.has(AnonymousUser(), roles.STAFF)
    assert not roles.is_staff(AnonymousUser())
