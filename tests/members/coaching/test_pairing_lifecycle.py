"""Every pairing transition: who makes it, what it records, what it refuses and what it sends."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from members.accounts.choices import MemberType
from members.coaching import lifecycle, sessions
from members.coaching import services as services
from members.coaching.models import Pairing, PairingPartner
from members.models import MemberProfile, User
from tests.factories.pairings import make_enquiry, make_pairing, make_partner
from website import activity
from website.models import Activity

S = Pairing.Status


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat")


@pytest.fixture
def enquiry(db):
    return make_enquiry(
        full_name="Priya Shah",
        email="priya.shah@example.org",
        job_title="Director of Adult Social Care",
        organisation="Example County Council",
    )


def deliver(mailoutbox):
    call_command("run_outbox_worker", once=True)
    return mailoutbox


def test_staff_propose_creates_pairing_with_history(staff, partner, enquiry):
    pairing = services.propose_partner(
        enquiry, partner, by=staff, focus="Carers strategy", reasons="Same region"
    )
    assert pairing.status == S.PROPOSED
    enquiry.refresh_from_db()
    assert enquiry.status == "in_progress"
    assert pairing.leader_role == "Director of Adult Social Care"
    assert pairing.region_name == enquiry.region_name
    row = pairing.partners.get()
    assert row.status == PairingPartner.Status.PROPOSED
    event = activity.for_record(pairing).get()
    assert (event.actor, event.actor_role, event.to_state) == (
        staff,
        "staff",
        S.PROPOSED,
    )


def test_propose_refuses_member_who_is_not_a_partner(staff, member, enquiry):
    MemberProfile.objects.create(
        user=member, member_type=MemberType.ORGANISATION_CONTACT
    )
    with pytest.raises(services.PairingError):
        services.propose_partner(enquiry, member, by=staff, focus="x")
    assert not Pairing.objects.exists()


def test_propose_refuses_second_pairing_for_same_enquiry(staff, partner, enquiry):
    services.propose_partner(enquiry, partner, by=staff, focus="x")
    other = make_partner("other.partner@example.org")
    with pytest.raises(services.PairingError, match="already has a pairing"):
        services.propose_partner(enquiry, other, by=staff, focus="x")


def test_invite_emails_partner_without_leader_contact_details(
    staff, partner, enquiry, mailoutbox
):
    pairing = services.propose_partner(
        enquiry, partner, by=staff, focus="Carers strategy"
    )
    services.invite_partner(pairing, by=staff, note="Good fit")
    pairing.refresh_from_db()
    assert pairing.status == S.PARTNER_INVITED
    assert pairing.partners.get().status == PairingPartner.Status.INVITED
    deliver(mailoutbox)
    (email,) = [m for m in mailoutbox if "pat.partner@example.org" in m.to]
    assert "Director of Adult Social Care" in email.body
    assert "Priya" not in email.body
    assert "priya.shah@example.org" not in email.body
    assert "Example County Council" not in email.body
    assert f"/portal/pairings/{pairing.pk}/" in email.body


def test_invite_twice_is_refused(staff, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    with pytest.raises(services.PairingError):
        services.invite_partner(pairing, by=staff)


def test_partner_accepts_and_staff_are_told(staff, partner, mailoutbox):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    services.accept_pairing(pairing, partner, "Happy to help")
    pairing.refresh_from_db()
    assert pairing.status == S.PARTNER_ACCEPTED
    assert pairing.matched_at is not None
    event = activity.for_record(pairing).last()
    assert (event.actor, event.actor_role, event.note) == (
        partner,
        "partner",
        "Happy to help",
    )
    deliver(mailoutbox)
    assert any(
        "staff@example.org" in m.to and "accepted" in m.subject for m in mailoutbox
    )


def test_accepting_twice_is_refused_and_changes_nothing(partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    stale = Pairing.objects.get(pk=pairing.pk)
    services.accept_pairing(pairing, partner)
    events = Activity.objects.count()
    with pytest.raises(services.PairingError, match="already accepted"):
        services.accept_pairing(stale, partner)
    assert Activity.objects.count() == events
    assert Pairing.objects.get(pk=pairing.pk).status == S.PARTNER_ACCEPTED


def test_concurrent_clicks_accept_and_decline_only_first_wins(partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    first, second = (
        Pairing.objects.get(pk=pairing.pk),
        Pairing.objects.get(pk=pairing.pk),
    )
    services.decline_pairing(first, partner, "No time")
    with pytest.raises(services.PairingError):
        services.accept_pairing(second, partner)
    pairing.refresh_from_db()
    assert pairing.status == S.PARTNER_DECLINED
    assert activity.for_record(pairing).filter(verb="partner_accepted").count() == 0


def test_compare_and_swap_refuses_stale_status(partner, staff):
    """Even if a lock is not held (SQLite), the status update only applies once."""
    pairing = make_pairing(partner, S.ACTIVE)
    stale = Pairing.objects.get(pk=pairing.pk)
    services.change_status(pairing, "complete", by=staff)
    with pytest.raises(services.PairingError):
        lifecycle.move(stale, [S.ACTIVE], S.COMPLETED, by=staff, action="again")
    assert activity.for_record(pairing).filter(to_state=S.COMPLETED).count() == 1


def test_declined_partner_cannot_accept_later(partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    services.decline_pairing(pairing, partner, "Not the right time")
    with pytest.raises(services.PairingError, match="declined"):
        services.accept_pairing(pairing, partner)
    row = pairing.partners.get()
    assert row.status == PairingPartner.Status.DECLINED
    assert row.decline_reason == "Not the right time"


def test_someone_not_asked_cannot_accept(partner, member):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    with pytest.raises(services.PairingError):
        services.accept_pairing(pairing, member)
    assert Pairing.objects.get(pk=pairing.pk).status == S.PARTNER_INVITED


def test_after_decline_staff_propose_another_partner_on_same_pairing(
    staff, partner, enquiry
):
    pairing = services.propose_partner(enquiry, partner, by=staff, focus="x")
    services.invite_partner(pairing, by=staff)
    services.decline_pairing(pairing, partner)
    second = make_partner("second.partner@example.org")
    again = services.propose_partner(enquiry, second, by=staff, focus="ignored")
    assert again.pk == pairing.pk
    again.refresh_from_db()
    assert again.status == S.PROPOSED
    assert list(again.partners.values_list("partner__email", "status")) == [
        ("pat.partner@example.org", "declined"),
        ("second.partner@example.org", "proposed"),
    ]
    services.invite_partner(again, by=staff)
    services.decline_pairing(again, second)
    with pytest.raises(services.PairingError, match="already been asked"):
        services.propose_another_partner(again, partner, by=staff)


def test_propose_another_only_after_decline(staff, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    with pytest.raises(services.PairingError, match="only after"):
        services.propose_another_partner(pairing, make_partner(), by=staff)


def test_introduce_creates_leader_account_with_portal_access_only(
    staff, partner, enquiry, mailoutbox
):
    pairing = services.propose_partner(enquiry, partner, by=staff, focus="x")
    services.invite_partner(pairing, by=staff)
    services.accept_pairing(pairing, partner)
    services.introduce_pairing(pairing, by=staff)
    pairing.refresh_from_db()
    leader = User.objects.get(email="priya.shah@example.org")
    enquiry.refresh_from_db()
    assert enquiry.status == "matched"
    assert pairing.status == S.INTRODUCED
    assert pairing.leader == leader
    assert leader.profile.member_type == MemberType.LEADER
    assert not leader.is_staff and not leader.is_superuser
    assert not leader.groups.exists()
    assert not leader.has_usable_password()
    assert not leader.has_perm("wagtailadmin.access_admin")
    assert leader.emailaddress_set.get().verified
    deliver(mailoutbox)
    to_leader = [m for m in mailoutbox if leader.email in m.to][-1]
    assert "/accounts/login/code/" in to_leader.body
    assert "Pat" in to_leader.body
    # The outbox sends on several threads, so pick the introduction by what it says.
    (to_partner,) = [
        m
        for m in mailoutbox
        if partner.email in m.to and m.subject.startswith("Meet your leader")
    ]
    assert "priya.shah@example.org" in to_partner.body


def test_introduce_reuses_existing_account_without_changing_groups(
    staff, partner, member
):
    pairing = make_pairing(partner, S.PARTNER_ACCEPTED)
    pairing.enquiry.email = member.email
    pairing.enquiry.save()
    services.introduce_pairing(pairing, by=staff)
    member.refresh_from_db()
    pairing.refresh_from_db()
    assert pairing.leader == member
    assert list(member.groups.values_list("name", flat=True)) == ["Members"]


def test_introduce_before_acceptance_is_refused(staff, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    with pytest.raises(services.PairingError, match="after the partner has accepted"):
        services.introduce_pairing(pairing, by=staff)
    assert not User.objects.filter(email=pairing.enquiry.email).exists()


@pytest.mark.parametrize(
    ("start", "action", "end"),
    [
        (S.INTRODUCED, "activate", S.ACTIVE),
        (S.ACTIVE, "pause", S.PAUSED),
        (S.PAUSED, "resume", S.ACTIVE),
        (S.ACTIVE, "complete", S.COMPLETED),
        (S.PAUSED, "complete", S.COMPLETED),
        (S.ACTIVE, "end_early", S.ENDED_EARLY),
        (S.PARTNER_INVITED, "end_early", S.ENDED_EARLY),
    ],
)
def test_status_changes_record_who_and_why(staff, partner, start, action, end):
    pairing = make_pairing(partner, start)
    services.change_status(pairing, action, by=staff, note="Agreed together")
    pairing.refresh_from_db()
    assert pairing.status == end
    event = activity.for_record(pairing).last()
    assert (event.from_state, event.to_state, event.actor, event.note) == (
        start,
        end,
        staff,
        "Agreed together",
    )


@pytest.mark.parametrize(
    ("start", "action"),
    [
        (S.PROPOSED, "complete"),
        (S.INTRODUCED, "complete"),
        (S.PARTNER_ACCEPTED, "pause"),
        (S.COMPLETED, "complete"),
        (S.COMPLETED, "resume"),
        (S.ENDED_EARLY, "activate"),
        (S.ACTIVE, "resume"),
        (S.ACTIVE, "fly"),
    ],
)
def test_out_of_order_changes_are_refused(staff, partner, start, action):
    pairing = make_pairing(partner, start)
    with pytest.raises(services.PairingError):
        services.change_status(pairing, action, by=staff, note="x")
    assert Pairing.objects.get(pk=pairing.pk).status == start
    assert not activity.for_record(pairing).exists()


def test_completing_a_pairing_never_active_says_why(staff, partner):
    pairing = make_pairing(partner, S.INTRODUCED)
    with pytest.raises(services.PairingError, match="Only an active or paused"):
        services.change_status(pairing, "complete", by=staff)


def test_ending_early_needs_a_reason(staff, partner):
    pairing = make_pairing(partner, S.ACTIVE)
    with pytest.raises(services.PairingError, match="reason"):
        services.change_status(pairing, "end_early", by=staff, note="  ")
    services.change_status(pairing, "end_early", by=staff, note="Leader changed job")
    pairing.refresh_from_db()
    assert pairing.end_reason == "Leader changed job"
    assert pairing.ended_at is not None


def test_completion_asks_both_sides_for_a_reflection(staff, partner, mailoutbox):
    pairing = make_pairing(partner, S.ACTIVE)
    services.change_status(pairing, "complete", by=pairing.leader)
    deliver(mailoutbox)
    asked = {address for m in mailoutbox if "How did" in m.subject for address in m.to}
    assert asked == {partner.email, pairing.leader.email}
    assert activity.for_record(pairing).last().actor_role == "leader"


def test_first_session_makes_introduced_pairing_active(partner):
    import datetime

    pairing = make_pairing(partner, S.INTRODUCED)
    sessions.record_session(
        pairing,
        by=partner,
        date=datetime.date.today(),
        duration_minutes=60,
        mode="online",
    )
    pairing.refresh_from_db()
    assert pairing.status == S.ACTIVE
    assert pairing.sessions.count() == 1


def test_sessions_refused_before_introduction_and_after_end(partner):
    import datetime

    for status in (S.PARTNER_ACCEPTED, S.PAUSED, S.COMPLETED):
        pairing = make_pairing(partner, status)
        with pytest.raises(services.PairingError):
            sessions.record_session(
                pairing,
                by=partner,
                date=datetime.date.today(),
                duration_minutes=60,
                mode="online",
            )
        assert not pairing.sessions.exists()


def test_programme_staff_group_has_pairing_permissions_editors_none(
    staff, editor, member
):
    assert staff.has_perm("members.change_pairing")
    assert staff.has_perm("members.view_programme_figures")
    assert staff.has_perm("members.approve_claim")  # claims for sessions: the ledger
    for person in (editor, member):
        assert not person.has_perm("members.view_pairing")
        assert not person.has_perm("members.approve_claim")
    members_group = Group.objects.get(name="Members")
    assert not members_group.permissions.filter(codename__contains="pairing").exists()
