"""A second proof before someone with admin access sets up two-step sign-in (AU-5).

With REQUIRE_STAFF_MFA on, a staff member or editor without an authenticator is sent to set
one up after signing in. The password alone must not be enough to do that, or whoever learnt
it could enrol their own phone and open the admin. So enrolment asks first for a code emailed
to the account's address (valid ENROLMENT_CODE_MINUTES, MAX_ATTEMPTS tries, kept hashed in
the session) and people with admin access cannot sign in by emailed code alone
(members/accounts/views/signin.py): enrolling takes the password and the mailbox together.
Every authenticator added or removed is emailed to the account holder (allauth's
notifications, ACCOUNT_EMAIL_NOTIFICATIONS) and written to the audit trail (website/audit.py).
"""

import hashlib
import hmac
import secrets
import time
from datetime import timedelta

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.utils import timezone

from members.accounts import notifications
from website import audit, notify, roles

SESSION_KEY = "voices_mfa_enrolment"
PROVED_KEY = "voices_mfa_enrolment_proved"
ENROLMENT_CODE_MINUTES = 10
MAX_ATTEMPTS = 3
FRESH_SECOND_FACTOR_MINUTES = 15


def needs_proof(request):
    """Whether this signed-in person must prove their mailbox before enrolling."""
    user = request.user
    return (
        user.is_authenticated
        and roles.has_admin_access(user)
        and request.session.get(PROVED_KEY) != user.pk
    )


def _digest(code):
    return hashlib.sha256(code.encode()).hexdigest()


def send_code(request):
    """Email a fresh six-digit code to the signed-in person; the old one stops working."""
    code = f"{secrets.randbelow(10**6):06d}"
    expires_at = timezone.now() + timedelta(minutes=ENROLMENT_CODE_MINUTES)
    request.session[SESSION_KEY] = {
        "digest": _digest(code),
        "expires_at": expires_at.isoformat(),
        "attempts": 0,
    }
    notify.notify(
        notifications.MFA_ENROLMENT_CODE,
        request.user,
        {"code": code, "minutes": ENROLMENT_CODE_MINUTES, "expires_at": expires_at},
    )


def has_live_code(request):
    state = request.session.get(SESSION_KEY)
    if not state:
        return False
    expired = timezone.datetime.fromisoformat(state["expires_at"]) <= timezone.now()
    return not expired and state["attempts"] < MAX_ATTEMPTS


def check_code(request, code):
    """True (and the proof kept for this session) if `code` is the live code; else an
    explanation of what to do next."""
    state = request.session.get(SESSION_KEY)
    if not has_live_code(request):
        return "That code has expired. Ask for a new one."
    state["attempts"] += 1
    request.session[SESSION_KEY] = state
    if not hmac.compare_digest(state["digest"], _digest(code.strip())):
        if state["attempts"] >= MAX_ATTEMPTS:
            return "That code was wrong too many times. Ask for a new one."
        return "That code is not right. Check the email and try again."
    del request.session[SESSION_KEY]
    request.session[PROVED_KEY] = request.user.pk
    return True


def second_factor_is_fresh(request):
    """Whether this session entered a two-step code in the last few minutes."""
    since = time.time() - FRESH_SECOND_FACTOR_MINUTES * 60
    return any(
        record.get("method") == "mfa" and record.get("at", 0) >= since
        for record in get_authentication_records(request, request.user)
    )


def may_reset_for(actor, member):
    """Programme staff reset members' two-step sign-in; only a superuser resets it for
    someone who can open the admin (a staff member cannot strip another's second factor)."""
    if actor.pk == member.pk:
        return False
    if roles.has_admin_access(member):
        return actor.is_superuser
    return roles.is_staff(actor) or actor.is_superuser


def two_step_summary(actor, member):
    """What the staff member screen shows about a member's two-step sign-in."""
    methods = Authenticator.objects.filter(user=member).exclude(
        type=Authenticator.Type.RECOVERY_CODES
    )
    return {
        "two_step_methods": list(methods.values_list("type", flat=True)),
        "may_reset_two_step": may_reset_for(actor, member),
    }


def reset_two_step(member, *, by):
    """Remove every authenticator of `member`; they are told and it is audited."""
    removed = Authenticator.objects.filter(user=member)
    methods = sorted(set(removed.values_list("type", flat=True)))
    if not methods:
        return 0
    count, _ = removed.delete()
    audit.record(member, "members.mfa_reset", user=by, data={"methods": methods})
    notify.notify(notifications.MFA_RESET_BY_STAFF, member, {"member": member})
    return count
