"""Retention (security checklist DP-6): purge_expired anonymises or removes back-dated rows,
keeps recent ones, warns and later erases long-unused accounts, and a second run changes
nothing."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from post_office.models import Email

from members.accounts.invitations import Application
from members.accounts.joining import invite_member
from members.models import Enquiry, ExpressionOfInterest, Invitation
from tests.factories import UserFactory
from tests.factories.enquiries import EnquiryFactory
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)


def run():
    out = StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def snapshot():
    return (
        list(Enquiry.objects.order_by("pk").values()),
        list(ExpressionOfInterest.objects.order_by("pk").values()),
        list(Invitation.objects.order_by("pk").values()),
        list(Application.objects.order_by("pk").values()),
        Session.objects.count(),
        Email.objects.count(),
    )


@pytest.fixture
def aged(home_page):
    now = timezone.now()
    long_ago = now - timedelta(days=800)
    old_closed = EnquiryFactory(status=Enquiry.Status.CLOSED, full_name="Old Leader")
    Enquiry.objects.filter(pk=old_closed.pk).update(closed_at=long_ago)
    new_closed = EnquiryFactory(status=Enquiry.Status.CLOSED, full_name="New Leader")
    Enquiry.objects.filter(pk=new_closed.pk).update(closed_at=now)
    old_spam = EnquiryFactory(status=Enquiry.Status.SPAM)
    Enquiry.objects.filter(pk=old_spam.pk).update(created_at=long_ago)

    member = UserFactory(groups=["Members"])
    opportunity = make_opportunity(ensure_index(home_page))
    old_withdrawn = InterestFactory(
        opportunity=opportunity, member=member, status="withdrawn"
    )
    ExpressionOfInterest.objects.filter(pk=old_withdrawn.pk).update(updated_at=long_ago)
    other = UserFactory(groups=["Members"])
    current = InterestFactory(opportunity=opportunity, member=other, status="submitted")
    ExpressionOfInterest.objects.filter(pk=current.pk).update(updated_at=long_ago)

    stale_invite = invite_member("stale@example.org", "member")
    Invitation.objects.filter(pk=stale_invite.pk).update(expires_at=long_ago)
    fresh_invite = invite_member("fresh@example.org", "member")

    old_application = Application.objects.create(
        name="Ann Applicant",
        email="ann@example.org",
        member_type="member",
        reason="I care for my dad.",
        privacy_notice_version="1",
        status="approved",
        decided_at=long_ago,
    )
    Session.objects.create(
        session_key="expired", session_data="", expire_date=now - timedelta(days=1)
    )
    Email.objects.filter(pk__in=Email.objects.values("pk")).update(created=long_ago)
    return {
        "old_closed": old_closed,
        "new_closed": new_closed,
        "old_spam": old_spam,
        "old_withdrawn": old_withdrawn,
        "current": current,
        "stale_invite": stale_invite,
        "fresh_invite": fresh_invite,
        "old_application": old_application,
    }


def test_dp6_purge_expired_removes_what_is_due_and_keeps_the_rest(aged):
    output = run()
    old = Enquiry.objects.get(pk=aged["old_closed"].pk)
    assert old.anonymised_at is not None
    assert "Old Leader" not in str(Enquiry.objects.filter(pk=old.pk).values().get())
    assert Enquiry.objects.get(pk=aged["new_closed"].pk).full_name == "New Leader"
    assert not Enquiry.objects.filter(pk=aged["old_spam"].pk).exists()

    withdrawn = ExpressionOfInterest.objects.get(pk=aged["old_withdrawn"].pk)
    assert withdrawn.why_interested == ""
    current = ExpressionOfInterest.objects.get(pk=aged["current"].pk)
    assert current.why_interested != ""

    assert not Invitation.objects.filter(pk=aged["stale_invite"].pk).exists()
    assert Invitation.objects.filter(pk=aged["fresh_invite"].pk).exists()

    application = Application.objects.get(pk=aged["old_application"].pk)
    assert application.email.endswith("@invalid")
    assert "dad" not in application.reason

    assert not Session.objects.filter(session_key="expired").exists()
    assert not Email.objects.exists()
    assert "expressions of interest" in output


def test_dp6_purge_expired_is_idempotent(aged):
    run()
    first = snapshot()
    output = run()
    assert snapshot() == first
    assert (
        "Cleared 0 closed expressions of interest, deleted 0 expired invitations, "
        in (output)
    )


# --- Inactive accounts ----------------------------------------------------------------------

WARNING_SUBJECT = "will be deleted"


def warnings_to(email):
    return [
        mail
        for mail in Email.objects.filter(subject__contains=WARNING_SUBJECT)
        if email in mail.to
    ]


def all_warning_recipients():
    return sorted(
        address
        for mail in Email.objects.filter(subject__contains=WARNING_SUBJECT)
        for address in mail.to
    )


def test_dp6_inactivity_is_counted_in_calendar_months():
    from datetime import datetime

    from members.accounts.inactivity import months_before

    assert months_before(datetime(2026, 3, 31, 9), 1) == datetime(2026, 2, 28, 9)
    assert months_before(datetime(2026, 11, 26), 24) == datetime(2024, 11, 26)
    assert months_before(datetime(2026, 1, 15), 13) == datetime(2024, 12, 15)


def back_date_sign_in(*users, days=800):
    from members.models import User

    User.objects.filter(pk__in=[u.pk for u in users]).update(
        last_login=timezone.now() - timedelta(days=days),
        date_joined=timezone.now() - timedelta(days=days + 100),
    )


@pytest.fixture
def long_unused(home_page):
    """A member nobody has signed in as for over two years, beside people who must never
    be warned or deleted, and a member who signed in last week."""
    from members.accounts.services import get_profile

    people = {
        "member": UserFactory(email="quiet.member@example.org", groups=["Members"]),
        "recent": UserFactory(email="recent.member@example.org", groups=["Members"]),
        "staff": UserFactory(email="staff@example.org", groups=["Programme staff"]),
        "editor": UserFactory(email="editor@example.org", groups=["Editors"]),
        "superuser": UserFactory(
            email="admin@example.org", is_superuser=True, is_staff=True
        ),
        "deactivated": UserFactory(
            email="deactivated@example.org", groups=["Members"], is_active=False
        ),
    }
    get_profile(people["member"])
    back_date_sign_in(*(user for key, user in people.items() if key != "recent"))
    back_date_sign_in(people["recent"], days=7)
    Email.objects.all().delete()  # nothing queued yet but the warnings under test
    return people


def test_dp6_inactive_accounts_are_warned_then_erased(long_unused, client):
    from members.models import MemberProfile, User
    from tests.factories.users import PASSWORD

    member = long_unused["member"]
    output = run()
    assert "warned 1 inactive accounts, erased 0 inactive accounts" in output
    # One warning, to the quiet member only, with a link to sign in.
    assert all_warning_recipients() == [member.email]
    (warning,) = warnings_to(member.email)
    assert "http://testserver/accounts/login/" in warning.message
    assert warning.to == [member.email]
    member.refresh_from_db()
    assert member.inactivity_warning_sent_at is not None

    # Running again the same day (or the next) sends nothing more.
    output = run()
    assert "warned 0 inactive accounts, erased 0 inactive accounts" in output
    assert len(warnings_to(member.email)) == 1

    # Signing in keeps the account: the warning is cleared.
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.inactivity_warning_sent_at is None
    client.logout()
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert "erased 0 inactive accounts" in run()
    assert User.objects.get(pk=member.pk).is_active

    # Two more quiet years: warned again, then erased 30 days after the warning.
    back_date_sign_in(member)
    run()
    assert len(warnings_to(member.email)) == 2
    with time_machine.travel(timezone.now() + timedelta(days=29)):
        assert "erased 0 inactive accounts" in run()
    assert User.objects.get(pk=member.pk).is_active
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        output = run()
        assert "warned 0 inactive accounts, erased 1 inactive accounts" in output
        assert "erased 0 inactive accounts" in run()  # idempotent after erasure too

    gone = User.objects.get(pk=member.pk)
    assert not gone.is_active
    assert gone.email.endswith("@invalid")
    assert gone.display_name == "Former member"
    assert not MemberProfile.objects.filter(user=gone).exists()
    # The erasure service removed the queued warnings with the rest of their mail.
    assert not warnings_to(member.email)
    (notice,) = Email.objects.filter(subject="Unused Voices accounts were deleted")
    assert notice.to == ["staff@example.org"]
    assert f"references {member.pk}" in notice.message
    assert "quiet.member" not in notice.message

    # Nobody else was warned or touched.
    assert all_warning_recipients() == []
    for key in ("recent", "staff", "editor", "superuser", "deactivated"):
        person = User.objects.get(pk=long_unused[key].pk)
        assert person.email == long_unused[key].email, key
        assert person.inactivity_warning_sent_at is None, key


def test_dp6_staff_editors_and_superusers_are_never_warned_or_erased(long_unused):
    from members.models import User

    run()
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        run()
    assert all_warning_recipients() == []  # the quiet member's went with their account
    assert not User.objects.get(pk=long_unused["member"].pk).is_active
    for key in ("staff", "editor", "superuser"):
        person = User.objects.get(pk=long_unused[key].pk)
        assert person.is_active, key
        assert person.inactivity_warning_sent_at is None, key
    deactivated = User.objects.get(pk=long_unused["deactivated"].pk)
    assert deactivated.email == "deactivated@example.org"
