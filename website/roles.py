"""Every role in Voices, named and checked in one place.

Group-based roles (staff, editors, moderators, members) are Django groups whose names live
only here. Relationship roles (co-chair of a network, partner or leader in a pairing) depend on
records that features own, so each feature registers its check once and everyone asks here::

    roles.register(roles.COCHAIR, is_cochair_of)      # in networks, at import of its hooks
    roles.has(user, roles.COCHAIR, network)           # anywhere: views, services, templates

A check runs at most one query per user and role: group names are read once and kept on the
user object for the rest of the request. Facts most pages ask about the signed-in person
(a member? in a pairing? co-chairing today?) are read with the person instead, in the one
query that loads them for the request: a feature names the fact once with
`load_with_user(name, expression)` and reads it with `loaded(user, name)`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Exists, OuterRef
from django.utils import timezone

# Django groups (created by migrations and load_demo).
STAFF = "Programme staff"
EDITORS = "Editors"
MODERATORS = "Moderators"
MEMBERS = "Members"
FINANCE = "Finance staff"
# Designated safeguarding leads: the only people who read the concerns log.
SAFEGUARDING = "Safeguarding leads"
# Staff who answer partners' debrief requests.
SUPPORT = "Partner support"

# Relationship roles, registered by the features that own the records.
COCHAIR = "cochair"
PARTNER = "partner"
LEADER = "leader"

_checks = {}
_facts = {}


def load_with_user(name, expression):
    """Read `expression()` (a boolean expression on `OuterRef("pk")`, usually `Exists`)
    with the signed-in person on every request, as the attribute `loaded(user, name)` reads.
    """
    _facts[name] = expression


def with_facts(users):
    """`users` (a User queryset) with every registered fact annotated."""
    return users.annotate(**{f"voices_fact_{n}": make() for n, make in _facts.items()})


# A pk no row has, to find where the person's id goes among the compiled query's values.
_MARKER = -730_021_947
_compiled = {}


def person_with_facts(user_id):
    """The active or inactive user `user_id` with every fact, or None.

    Building the ORM query for four subqueries costs more than running it, and every
    signed-in request runs it; so its SQL is compiled once a day (facts may compare with
    today's date) and each request only puts the id in its place.
    """
    User = get_user_model()
    try:
        user_id = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    key = (timezone.localdate(), tuple(_facts))
    if key not in _compiled:
        query = with_facts(User._default_manager.filter(pk=_MARKER)).query
        sql, params = query.get_compiler(using=DEFAULT_DB_ALIAS).as_sql()
        places = [i for i, value in enumerate(params) if value == _MARKER]
        if len(places) != 1:  # never expected; the plain query is always right
            return with_facts(User._default_manager.filter(pk=user_id)).first()
        _compiled.clear()
        _compiled[key] = (sql, list(params), places[0])
    sql, params, place = _compiled[key]
    params = [*params[:place], user_id, *params[place + 1 :]]
    return next(iter(User._default_manager.raw(sql, params)), None)


def loaded(user, name):
    """The fact as read with the person: True or False, or None when it was not (a user
    object from anywhere but the request), and the caller asks the database itself."""
    value = getattr(user, f"voices_fact_{name}", None)
    return None if value is None else bool(value)


def register(role, check):
    """Name the function `check(user, obj=None) -> bool` that decides `role`."""
    _checks[role] = check


def group_names(user):
    """The names of the user's groups, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    names = getattr(user, "_voices_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._voices_group_names = names
    return names


def in_group(user, name):
    if name == MEMBERS and loaded(user, "member") is not None:
        return loaded(user, "member")
    return name in group_names(user)


def is_staff(user):
    """Programme staff: triage enquiries, interests, pairings and members."""
    return in_group(user, STAFF)


def is_editor(user):
    return in_group(user, EDITORS)


def has_admin_access(user):
    """Anyone Wagtail lets into /admin/ (editors, staff, superusers)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.has_perm("wagtailadmin.access_admin")
    )


def has(user, role, obj=None):
    """Whether the user holds `role` (a group name or a registered relationship role)."""
    if not getattr(user, "is_authenticated", False):
        return False
    check = _checks.get(role)
    if check is not None:
        return bool(check(user, obj))
    return in_group(user, role)


def users_in(group_name):
    """Active users in a group, in a stable order."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=group_name)
        .order_by("first_name", "last_name", "email")
        .distinct()
    )


def staff_users():
    return users_in(STAFF)


def staff_emails():
    return list(staff_users().values_list("email", flat=True))


# Every portal page asks whether the person is a member; read it with them.
load_with_user(
    "member",
    lambda: Exists(
        Group.objects.filter(name=MEMBERS, user=OuterRef("pk")).values("pk")
    ),
)
