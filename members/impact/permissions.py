"""Who may see the impact report: people with `members.view_impact_report` (programme
staff, by migration 0033). Equality answers are never shown to anyone but the person."""

PERMISSION = "members.view_impact_report"


def can_view_impact(user):
    return bool(user and user.is_authenticated and user.has_perm(PERMISSION))
