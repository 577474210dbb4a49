"""Who may do what with opportunities and expressions of interest.

Members act on their own interests only; programme staff move interests through review.
Editors hold no interest permissions at all (security checklist AC-6).
"""

from members.opportunities.choices import Audience, InterestStatus
from website import roles

S = InterestStatus

# The moves members and staff may make on an interest are its workflow's (workflow.py).


def is_member(user):
    """Signed-in, active and in the Members group (read with the person on a request, else
    from their group names, once per user object: website/roles.py)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return roles.in_group(user, roles.MEMBERS)


def can_see_members_only(user):
    """Members and admin users may see members-only opportunities in listings."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or is_member(user)


def can_view_opportunity(user, opportunity):
    if not opportunity.live:
        return False
    if opportunity.audience == Audience.MEMBERS:
        return can_see_members_only(user)
    return True


def can_express_interest(user, opportunity):
    """Only members, on a live opportunity they can see."""
    return is_member(user) and can_view_opportunity(user, opportunity)


def can_view_interest(user, interest):
    return bool(user.is_authenticated and interest.member_id == user.pk)


def can_respond_to_offer(user, interest):
    return can_view_interest(user, interest) and interest.status == S.OFFERED


def can_review_interests(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("members.change_expressionofinterest")
    )


def can_export_interests(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("members.export_expressionofinterest")
    )


def can_see_interest_access_needs(user):
    """Special-category data: only staff given the dedicated permission."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.has_perm("members.view_interest_access_needs")
    )
