"""Retention (security checklist DP-6): purge_expired anonymises or removes back-dated rows,
keeps recent ones, and a second run changes nothing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from post_office.models import Email

from members.models import Enquiry, ExpressionOfInterest, Invitation
from members.models.invitations import Application
from members.services.accounts import invite_member
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
