"""Long-unused accounts (security checklist DP-6): a warning email, then erasure.

``purge_expired`` runs `warn_inactive_accounts` and `erase_warned_accounts` daily (they are
registered as retention steps in members/accounts/retention.py). A member account with no
sign-in for ``INACTIVE_ACCOUNT_MONTHS`` is warned once; signing in clears the warning
(`clear_inactivity_warning`, connected to ``user_logged_in`` in members/apps.py). An account
still unused ``NOTICE_DAYS`` after its warning is erased by `erase_member`, the same service
as "Delete my account", so every app's erase hook runs.

Never warned or erased: anyone who can open the Wagtail admin (editors, moderators,
programme staff, superusers), whose accounts the programme manages by hand, and accounts
already deactivated (by staff, or erased earlier), which cannot sign in to keep themselves.
"""

import calendar
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from members.accounts import notifications
from members.accounts.services import erase_member
from members.models import User
from website import notify, roles

NOTICE_DAYS = 30


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the 31st becomes the last
    day of a shorter month)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def inactive_accounts(now):
    """Active accounts nobody has signed in to for INACTIVE_ACCOUNT_MONTHS, excluding
    anyone with admin access. Never-used accounts count from the day they were made."""
    cutoff = months_before(now, settings.INACTIVE_ACCOUNT_MONTHS)
    admin_access = (
        Q(is_staff=True)
        | Q(is_superuser=True)
        | Q(
            groups__permissions__codename="access_admin",
            groups__permissions__content_type__app_label="wagtailadmin",
        )
        | Q(
            user_permissions__codename="access_admin",
            user_permissions__content_type__app_label="wagtailadmin",
        )
    )
    return (
        User.objects.filter(is_active=True)
        .exclude(email__endswith="@invalid")
        .exclude(pk__in=User.objects.filter(admin_access).values("pk"))
        .annotate(last_seen=Coalesce("last_login", "date_joined"))
        .filter(last_seen__lt=cutoff)
        .order_by("pk")
    )


@transaction.atomic
def warn_inactive_account(user, now):
    """Queue the warning and record it in the same transaction, so it is sent once."""
    notify.notify(
        notifications.INACTIVE_ACCOUNT_WARNING,
        user,
        {
            "name": user.preferred_name or user.first_name,
            "last_seen": user.last_seen,
            "deletion_date": now + timedelta(days=NOTICE_DAYS),
            "sign_in_url": notify.absolute_url(reverse("account_login")),
            "my_data_url": notify.absolute_url(reverse("members:my_data")),
        },
    )
    User.objects.filter(pk=user.pk).update(inactivity_warning_sent_at=now)


def clear_inactivity_warning(sender, request, user, **kwargs):
    """Signal receiver: signing in keeps the account, so any pending warning is void."""
    if getattr(user, "inactivity_warning_sent_at", None) is None:
        return
    User.objects.filter(pk=user.pk).update(inactivity_warning_sent_at=None)
    user.inactivity_warning_sent_at = None


def erase_warned_accounts(now):
    """Erase accounts still unused NOTICE_DAYS after their warning, then tell staff which
    (by reference only). Returns how many; an erased account is no longer active, so a
    second run finds it no more."""
    due = list(
        inactive_accounts(now).filter(
            inactivity_warning_sent_at__lt=now - timedelta(days=NOTICE_DAYS)
        )
    )
    references = []
    for user in due:
        references.append(str(user.pk))
        erase_member(user, notify_staff=False)
    if references:
        notify.notify(
            notifications.INACTIVE_ACCOUNTS_ERASED_STAFF_NOTICE,
            roles.STAFF,
            {
                "references": references,
                "months": settings.INACTIVE_ACCOUNT_MONTHS,
                "notice_days": NOTICE_DAYS,
            },
        )
    return len(references)


def warn_inactive_accounts(now):
    """Warn the newly inactive accounts. Returns how many; a warned account is not warned
    again until it signs in and falls quiet once more."""
    warned = 0
    for user in inactive_accounts(now).filter(inactivity_warning_sent_at__isnull=True):
        warn_inactive_account(user, now)
        warned += 1
    return warned
