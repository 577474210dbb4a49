"""Who may do what with money. Approving and paying are separate permissions held by
separate groups (programme staff approve, finance staff pay), and nobody approves a claim
that is theirs or for involvement they logged themselves."""


def _active(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_approve(user):
    return _active(user) and user.has_perm("members.approve_claim")


def can_pay(user):
    return _active(user) and user.has_perm("members.pay_claim")


def sees_ledger(user):
    """Finance and approving staff read every claim; nobody else reads anyone else's."""
    return can_approve(user) or can_pay(user)


def may_approve(user, claim):
    return (
        can_approve(user)
        and claim.person_id != user.pk
        and claim.logged_by_id != user.pk
    )


def why_not_approve(user, claim):
    """The reason an approver may not approve this claim, or ""."""
    if claim.person_id == user.pk:
        return "You cannot approve your own claim; another member of staff must."
    if claim.logged_by_id == user.pk:
        return (
            "You recorded this involvement, so another member of staff must approve "
            "the claim for it."
        )
    return ""


def owns(user, claim):
    return _active(user) and claim.person_id == user.pk
