"""What payments put on "Things to do": a person's claims to check and send, claims
waiting for staff approval, and approved claims waiting for finance to pay them."""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from members.payments import permissions as perms
from members.payments.models import Claim, ClaimStatus
from website import roles, todo

S = ClaimStatus
TO_SEND = (S.DRAFT, S.RETURNED)

# Read with the person in the query that loads them, so a dashboard with nothing to send
# asks nothing more.
roles.load_with_user(
    "payment_claims_to_send",
    lambda: Exists(Claim.objects.filter(person=OuterRef("pk"), status__in=TO_SEND)),
)


def claims_to_send(request):
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return []
    if roles.loaded(user, "payment_claims_to_send") is False:
        return []
    count = Claim.objects.filter(person=user, status__in=TO_SEND).count()
    if not count:
        return []
    return [
        todo.Todo(
            text=(
                "You have a claim to check and send."
                if count == 1
                else f"You have {count} claims to check and send."
            ),
            url=reverse("members:my_payments"),
            link_text="See my payments",
            order=7,
            kind="payment_claims",
        )
    ]


def _waiting(status, text, link_text):
    count = Claim.objects.filter(status=status).count()
    if not count:
        return []
    return [
        todo.Todo(
            text=text.format(count=count, s="s" if count != 1 else ""),
            url=reverse("payments_admin:queue") + f"?status={status}",
            link_text=link_text,
            kind=f"payment_{status}",
        )
    ]


def claims_for_staff(request):
    items = []
    if perms.can_approve(request.user):
        items += _waiting(
            S.SUBMITTED, "{count} involvement claim{s} waiting for approval", "Approve"
        )
    if perms.can_pay(request.user):
        items += _waiting(
            S.APPROVED, "{count} approved claim{s} waiting for payment", "Pay"
        )
    return items
