"""The sign-in backend reads permissions in one query and grants exactly what Django's own
ModelBackend would (least privilege per role must not change with it)."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from members.accounts.auth_backends import VoicesAuthenticationBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


@pytest.mark.parametrize(
    "role", ["member", "staff", "editor", "moderator", "superuser", "inactive"]
)
def test_permissions_match_djangos_model_backend(request, role):
    if role == "inactive":
        user = UserFactory(groups=["Programme staff"], is_active=False)
    else:
        user = request.getfixturevalue(role)
    ours = VoicesAuthenticationBackend().get_all_permissions(fresh(user))
    djangos = ModelBackend().get_all_permissions(fresh(user))
    assert ours == djangos
    if role in ("member", "inactive"):
        assert ours == set()
    else:
        assert ours


def test_own_and_group_permissions_both_count_and_are_read_in_one_query(
    django_assert_num_queries,
):
    group = Group.objects.create(name="Report readers")
    group.permissions.add(Permission.objects.get(codename="view_enquiry"))
    user = UserFactory(groups=["Report readers"])
    user.user_permissions.add(Permission.objects.get(codename="add_invitation"))
    user = fresh(user)
    with django_assert_num_queries(1):
        assert user.has_perm("members.view_enquiry")
        assert user.has_perm("members.add_invitation")
        assert not user.has_perm("members.change_enquiry")
