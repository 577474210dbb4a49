"""Idle and absolute session limits per role (security checklist SE-3).

People who can reach the Wagtail admin hold more than their own data, so their sessions end
sooner than members'. The limits live in ``settings.SESSION_LIMITS``. The sign-in time, the
time of the last activity and the role are kept in the session; the last-activity time is
written at most once a minute (``SESSION_ACTIVITY_WRITE_SECONDS``) so that a page view does
not rewrite the session row every time.

A member who ticks "Keep me signed in" gets a persistent session with no idle limit, ended
only by the absolute limit (MEMBER_SESSION_MAX_DAYS). Anyone with admin access keeps both
limits whatever they tick: their session can reach other people's data.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect

SIGNED_IN_AT = "voices_signed_in_at"
LAST_ACTIVITY = "voices_last_activity"
ROLE = "voices_session_role"
KEPT = "voices_keep_signed_in"

ADMIN_ROLE = "admin"
MEMBER_ROLE = "member"

# Requests the browser makes by itself while a page is open: Wagtail's editing-session
# pings every few seconds. They are checked against the limits but are not activity, or an
# admin page left open on an unattended desk would never time out. (Typing in the editor
# is: Wagtail's autosave posts the changes.)
PASSIVE_PATH_PREFIXES = ("/admin/editing-sessions/",)


def role_for(user):
    """Anyone who can open the Wagtail admin (editors, staff, superusers) gets the shorter
    limits; everyone else is a member."""
    if user.has_perm("wagtailadmin.access_admin"):
        return ADMIN_ROLE
    return MEMBER_ROLE


def limits_for(role, kept=False):
    """The role's limits; a kept member session has no idle limit (``idle`` is None)."""
    limits = settings.SESSION_LIMITS[role]
    if kept and role == MEMBER_ROLE:
        return {**limits, "idle": None}
    return limits


def keep_signed_in(session, keep):
    """Called by the password sign-in form with the "Keep me signed in" answer (also when
    unticked, so signing in again without it ends the choice). Stored as the person's
    choice, not as limits: the role is re-checked on every activity write, so a kept member
    later given admin access gets the admin limits."""
    if keep:
        session[KEPT] = True
    else:
        session.pop(KEPT, None)


def describe(seconds):
    """A duration in the words a person would use: "30 minutes", "12 hours", "14 days"."""
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}" + ("" if count == 1 else "s")
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute" + ("" if minutes == 1 else "s")


def start(session, user, now=None):
    now = int(now if now is not None else time.time())
    session[SIGNED_IN_AT] = now
    session[LAST_ACTIVITY] = now
    session[ROLE] = role_for(user)


@receiver(user_logged_in, dispatch_uid="voices_session_limits_start")
def record_sign_in(sender, request, user, **kwargs):
    """Every way of signing in (password, code, MFA, invitation) goes through Django's
    `login`, which sends this signal."""
    if request is not None and hasattr(request, "session"):
        start(request.session, user)


class SessionLimitsMiddleware:
    """Signs people out after too long without activity or too long since signing in, and
    sends them to sign in again with a message saying why and a way back to where they were."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            refusal = self.check(request, user)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    def check(self, request, user):
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        last_activity = session.get(LAST_ACTIVITY)
        if signed_in_at is None or last_activity is None:
            # A session from before these limits existed: start counting now rather than
            # signing everyone out on the day this is deployed.
            start(session, user, now)
            return None

        passive = request.path.startswith(PASSIVE_PATH_PREFIXES)
        due = (
            not passive
            and now - last_activity >= settings.SESSION_ACTIVITY_WRITE_SECONDS
        )
        role = session.get(ROLE)
        if due or role not in settings.SESSION_LIMITS:
            # Re-checked whenever activity is written, so a member made staff gets the
            # staff limits within a minute without a permission query on every request.
            role = role_for(user)
        limits = limits_for(role, kept=session.get(KEPT, False))

        if limits["idle"] is not None and now - last_activity > limits["idle"]:
            return self.sign_out(
                request,
                f"You were signed out after {describe(limits['idle'])} of inactivity, "
                "to keep your information safe. Please sign in again.",
            )
        if now - signed_in_at > limits["absolute"]:
            return self.sign_out(
                request,
                "You were signed out because you had been signed in for "
                f"{describe(limits['absolute'])}, to keep your information safe. "
                "Please sign in again.",
            )

        if due:
            session[LAST_ACTIVITY] = now
        if session.get(ROLE) != role:
            session[ROLE] = role
        return None

    @staticmethod
    def sign_out(request, message):
        if request.path.startswith(PASSIVE_PATH_PREFIXES):
            back = "/admin/"
        elif request.method == "GET":
            back = request.get_full_path()
        else:
            # The form they sent is not replayed; bring them back to the page it was on.
            back = request.path
        logout(request)
        messages.info(request, message)
        query = urlencode({"next": back})
        return redirect(f"{settings.LOGIN_URL}?{query}")
