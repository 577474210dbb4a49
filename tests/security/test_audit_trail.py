"""The audit trail (security checklist DP-8): each audited action, done through its real
view, leaves exactly one entry in Wagtail's log with the right actor and action, and the
entry holds no personal data (the marker values put into names, emails and private fields
never reach its label or data)."""

import io
import json
import re
from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from members.models import Enquiry, MemberProfile
from networks.models import NetworkCoChair
from tests.factories import UserFactory
from tests.factories.enquiries import EnquiryFactory
from tests.factories.mfa import current_code
from tests.factories.networks import make_network
from tests.factories.users import PASSWORD
from tests.members.accounts.accounts_helpers import make_profile
from website.audit import UNKNOWN_ACCOUNT

MARKER = "zz-dp8-marker"


def marked_user(role="member", **fields):
    """Someone whose names and email carry the marker."""
    groups = {"member": ["Members"], "staff": ["Programme staff"]}[role]
    return UserFactory(
        email=f"{MARKER}-{role}@example.org",
        first_name=f"{MARKER}-first",
        last_name=f"{MARKER}-last",
        groups=groups,
        **fields,
    )


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


def the_entry(action, since=0):
    """Exactly one entry with this action was written since the entry id `since`."""
    new = [e for e in entries(action) if e.pk > since]
    assert len(new) == 1, [(e.action, e.object_id, e.data) for e in new]
    return new[0]


def last_id():
    return (
        ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    )


def assert_no_marker(entry, *markers):
    text = (entry.label + json.dumps(entry.data)).lower()
    for marker in (MARKER, *markers):
        assert marker.lower() not in text, (entry.action, entry.label, entry.data)


def assert_utc(entry):
    assert entry.timestamp.utcoffset() == timedelta(0)
    assert abs(timezone.now() - entry.timestamp) < timedelta(minutes=1)


# --- Sign-in --------------------------------------------------------------------------------


def test_dp8_signing_in_is_logged_against_the_account(db):
    user = marked_user()
    start = last_id()
    response = Client().post(
        "/accounts/login/", {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    entry = the_entry("members.signed_in", start)
    assert entry.user_id == user.pk
    assert entry.object_id == str(user.pk)
    assert entry.data == {"methods": ["password"]}
    assert_no_marker(entry)
    assert_utc(entry)


def test_dp8_a_wrong_password_is_logged_against_the_account_with_no_actor(db):
    user = marked_user()
    start = last_id()
    Client().post(
        "/accounts/login/", {"login": user.email, "password": "wrong-one-123"}
    )
    entry = the_entry("members.sign_in_failed", start)
    assert entry.user_id is None
    assert entry.object_id == str(user.pk)
    assert entry.data == {"step": "password"}
    assert_no_marker(entry, "wrong-one-123")
    assert not [e for e in entries("members.signed_in") if e.pk > start]


def test_dp8_a_failed_sign_in_for_an_unknown_address_keeps_nothing_of_the_address(db):
    start = last_id()
    address = f"{MARKER}-nobody@example.org"
    Client().post("/accounts/login/", {"login": address, "password": "wrong-one-123"})
    entry = the_entry("members.sign_in_failed", start)
    assert entry.user_id is None
    assert entry.label == UNKNOWN_ACCOUNT
    assert entry.object_id == "0"
    assert_no_marker(entry, "nobody")
    # nothing else written for the attempt mentions the address either
    for other in ModelLogEntry.objects.filter(pk__gt=start):
        assert_no_marker(other, "nobody")


# --- Two-step verification -------------------------------------------------------------------


def test_dp8_adding_and_removing_totp_and_new_recovery_codes_are_logged(
    db, django_capture_on_commit_callbacks
):
    user = marked_user()
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    # allauth asks for the password again before any two-step change (AU-6)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = re.search(rb'value="([A-Z2-7]{32})"', page.content).group(1).decode()

    start = last_id()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/2fa/totp/activate/", {"code": current_code(secret)}
        )
    assert response.status_code == 302
    added = [e for e in entries("members.mfa_added") if e.pk > start]
    # setting up TOTP also sets up recovery codes: one entry for each method
    assert sorted(e.data["method"] for e in added) == ["recovery_codes", "totp"]
    for entry in added:
        assert entry.user_id == user.pk
        assert entry.object_id == str(user.pk)
        assert_no_marker(entry, secret)

    start = last_id()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/recovery-codes/generate/")
    assert response.status_code == 302
    entry = the_entry("members.recovery_codes_regenerated", start)
    assert entry.user_id == user.pk
    assert entry.data == {"method": "recovery_codes"}
    codes = Authenticator.objects.get(user=user, type="recovery_codes").wrap()
    assert_no_marker(entry, *codes.get_unused_codes())

    start = last_id()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/2fa/totp/deactivate/")
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type="totp").exists()
    removed = [e for e in entries("members.mfa_removed") if e.pk > start]
    assert [e.data["method"] for e in removed] == ["totp", "recovery_codes"]
    assert {e.user_id for e in removed} == {user.pk}


# --- Roles and co-chairs ----------------------------------------------------------------------


def test_dp8_a_superuser_adding_someone_to_a_group_in_the_users_admin_is_logged(db):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    person = marked_user()
    staff_group = Group.objects.get(name="Programme staff")
    members_group = Group.objects.get(name="Members")
    client = Client()
    client.force_login(admin)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    assert client.get(url).status_code == 200
    start = last_id()
    response = client.post(
        url,
        {
            "email": person.email,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "is_active": "on",
            "groups": [members_group.pk, staff_group.pk],
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert person.groups.filter(pk=staff_group.pk).exists()
    entry = the_entry("members.group_added", start)
    assert entry.user_id == admin.pk
    assert entry.object_id == str(person.pk)
    assert entry.data == {"group": "Programme staff"}
    assert_no_marker(entry)
    assert not [e for e in entries("members.group_removed") if e.pk > start]


def test_dp8_staff_appointing_a_cochair_and_ending_the_term_is_logged(db, home_page):
    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    person = marked_user()
    network = make_network(home_page)
    client = Client()
    client.force_login(staff)
    form = {
        "network": network.pk,
        "user": person.pk,
        "role_title": "Lived experience co-chair",
        "organisation": f"{MARKER}-org",
        "photo_alt": "",
        "term_start": date(2026, 1, 1).isoformat(),
        "term_end": "",
        "sort_order": 1,
    }
    start = last_id()
    response = client.post("/admin/networks/networkcochair/create/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    term = NetworkCoChair.objects.get(user=person)
    entry = the_entry("networks.cochair_appointed", start)
    assert entry.user_id == staff.pk
    assert entry.object_id == str(term.pk)
    assert entry.data == {"network": network.pk, "term_end": None}
    assert_no_marker(entry)

    start = last_id()
    response = client.post(
        f"/admin/networks/networkcochair/edit/{term.pk}/",
        {**form, "term_end": date(2026, 6, 30).isoformat()},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = the_entry("networks.cochair_term_ended", start)
    assert entry.user_id == staff.pk
    assert entry.data == {"network": network.pk, "term_end": "2026-06-30"}
    assert_no_marker(entry)
    assert not [e for e in entries("networks.cochair_appointed") if e.pk > start]


# --- Special-category data and exports --------------------------------------------------------


def test_dp8_staff_viewing_a_members_private_information_is_logged(db):
    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    staff.user_permissions.add(Permission.objects.get(codename="view_special_category"))
    person = marked_user()
    profile = make_profile(
        person,
        lived_experience=f"{MARKER}-lived",
        access_needs=f"{MARKER}-access",
        special_category_consent_at=timezone.now(),
    )
    client = Client()
    client.force_login(staff)
    start = last_id()
    page = client.get(f"/admin/members-accounts/members/{profile.pk}/")
    assert f"{MARKER}-access".encode() in page.content
    entry = the_entry("members.special_category_viewed", start)
    assert entry.user_id == staff.pk
    assert entry.object_id == str(profile.pk)
    assert_no_marker(entry)


def test_dp8_staff_opening_an_enquiry_with_access_needs_is_logged(db):
    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    enquiry = EnquiryFactory(
        full_name=f"{MARKER} leader",
        email=f"{MARKER}-leader@example.org",
        access_needs=f"{MARKER}-access",
    )
    plain = EnquiryFactory()
    client = Client()
    client.force_login(staff)
    start = last_id()
    page = client.get(f"/admin/members/enquiry/inspect/{enquiry.pk}/")
    assert f"{MARKER}-access".encode() in page.content
    entry = the_entry("members.special_category_viewed", start)
    assert entry.user_id == staff.pk
    assert entry.object_id == str(enquiry.pk)
    assert entry.label == enquiry.reference
    assert_no_marker(entry)
    # an enquiry without access needs shows no special-category data: nothing to log
    client.get(f"/admin/members/enquiry/inspect/{plain.pk}/")
    assert len(entries("members.special_category_viewed")) == 1


def test_dp8_exporting_enquiries_is_logged_without_their_contents(db):
    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    EnquiryFactory(full_name=f"{MARKER} leader", email=f"{MARKER}-a@example.org")
    EnquiryFactory(organisation=f"{MARKER} council")
    client = Client()
    client.force_login(staff)
    start = last_id()
    response = client.get("/admin/members/enquiry/?export=csv")
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert MARKER.encode() in body
    entry = the_entry("members.enquiries_exported", start)
    assert entry.user_id == staff.pk
    assert entry.object_id == str(staff.pk)
    assert entry.data == {"what": "enquiries", "rows": 2}
    assert_no_marker(entry)


def test_dp8_staff_viewing_and_exporting_interest_access_needs_is_logged(db, home_page):
    from tests.factories.opportunities import (
        InterestFactory,
        ensure_index,
        make_opportunity,
    )

    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    staff.user_permissions.add(
        Permission.objects.get(codename="view_interest_access_needs")
    )
    interest = InterestFactory(
        opportunity=make_opportunity(ensure_index(home_page), title="Panel"),
        member=marked_user(),
        access_needs=f"{MARKER}-access",
    )
    client = Client()
    client.force_login(staff)
    start = last_id()
    page = client.get(f"/admin/members/expressionofinterest/inspect/{interest.pk}/")
    assert f"{MARKER}-access".encode() in page.content
    entry = the_entry("members.special_category_viewed", start)
    assert (entry.user_id, entry.object_id) == (staff.pk, str(interest.pk))
    assert_no_marker(entry)

    start = last_id()
    export = client.get("/admin/opportunity-interests/export/")
    assert f"{MARKER}-access".encode() in export.content
    entry = the_entry("members.special_category_exported", start)
    assert entry.user_id == staff.pk
    assert entry.data == {"what": "expressions of interest", "rows": 1}
    assert_no_marker(entry)


# --- Consent ----------------------------------------------------------------------------------


def profile_form(**overrides):
    return {
        "preferred_name": "",
        "pronouns": "",
        "region": "",
        "organisation": "",
        "interests": ["events"],
        "bio": "",
        "phone": "",
        "communication_preferences": ["email"],
        "lived_experience": "",
        "caring_responsibilities": "",
        "access_needs": "",
        **overrides,
    }


def test_dp8_giving_and_withdrawing_consent_for_private_information_is_logged(db):
    person = marked_user()
    client = Client()
    client.force_login(person)
    start = last_id()
    response = client.post(
        "/portal/profile/edit/",
        profile_form(access_needs=f"{MARKER}-access", special_category_consent="on"),
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=person)
    entry = the_entry("members.special_category_consented", start)
    assert entry.user_id == person.pk
    assert entry.object_id == str(profile.pk)
    assert entry.data == {"version": profile.special_category_consent_version}
    assert_no_marker(entry)

    # saving again with consent already given is not a new consent
    client.post(
        "/portal/profile/edit/",
        profile_form(access_needs=f"{MARKER}-more", special_category_consent="on"),
    )
    assert len(entries("members.special_category_consented")) == 1

    start = last_id()
    assert client.post("/portal/profile/withdraw-consent/").status_code == 302
    entry = the_entry("members.special_category_withdrawn", start)
    assert entry.user_id == person.pk
    assert entry.object_id == str(profile.pk)
    assert_no_marker(entry)


# --- Deletions --------------------------------------------------------------------------------


def test_dp8_deleting_ones_own_account_is_logged_and_leaves_no_marker_in_the_log(db):
    person = marked_user()
    make_profile(
        person,
        access_needs=f"{MARKER}-access",
        special_category_consent_at=timezone.now(),
    )
    client = Client()
    client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    start = last_id()
    response = client.post("/portal/my-data/delete/", {"confirm": "on"})
    assert response.status_code == 302
    entry = the_entry("members.account_erased", start)
    assert entry.user_id == person.pk
    assert entry.object_id == str(person.pk)
    # the whole log, the sign-in and group entries included, names the person nowhere
    for any_entry in ModelLogEntry.objects.all():
        assert_no_marker(any_entry)


def test_dp8_erasure_relabels_the_admins_own_entries_that_named_the_person(
    db, home_page
):
    """Wagtail labels its own create/edit entries with the object's name; after erasure
    none of them names the person (DP-5 holds for the audit log)."""
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    person = marked_user()
    network = make_network(home_page)
    client = Client()
    client.force_login(admin)
    client.post(
        "/admin/networks/networkcochair/create/",
        {
            "network": network.pk,
            "user": person.pk,
            "role_title": "Lived experience co-chair",
            "photo_alt": "",
            "term_start": date(2026, 1, 1).isoformat(),
            "sort_order": 1,
        },
    )
    client.post(
        reverse("wagtailusers_users:edit", args=[person.pk]),
        {
            "email": person.email,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "is_active": "on",
            "groups": [Group.objects.get(name="Members").pk],
        },
    )
    named = ModelLogEntry.objects.filter(label__icontains=MARKER)
    assert {e.action for e in named} >= {"wagtail.create", "wagtail.edit"}

    own = Client()
    own.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert own.post("/portal/my-data/delete/", {"confirm": "on"}).status_code == 302
    assert not ModelLogEntry.objects.filter(label__icontains=MARKER).exists()
    # what the erasure removed is attributed to the person who asked for it
    assert the_entry("networks.cochair_removed").user_id == person.pk


def test_dp8_the_retention_purge_logs_each_deleted_and_anonymised_enquiry(db):
    long_ago = timezone.now() - timedelta(days=800)
    spam = EnquiryFactory(email=f"{MARKER}-spam@example.org", status="spam")
    closed = EnquiryFactory(full_name=f"{MARKER} leader", status="closed")
    Enquiry.objects.filter(pk=spam.pk).update(created_at=long_ago)
    Enquiry.objects.filter(pk=closed.pk).update(closed_at=long_ago)
    start = last_id()
    call_command("purge_enquiries", stdout=io.StringIO())
    assert not Enquiry.objects.filter(pk=spam.pk).exists()
    deleted = the_entry("members.enquiry_deleted", start)
    assert deleted.user_id is None
    assert (deleted.object_id, deleted.label) == (str(spam.pk), spam.reference)
    anonymised = the_entry("members.enquiry_anonymised", start)
    assert anonymised.object_id == str(closed.pk)
    for entry in (deleted, anonymised):
        assert_no_marker(entry)


# --- Reading the trail ------------------------------------------------------------------------


@pytest.mark.parametrize("action_label", ["Signed in", "Sign-in failed"])
def test_dp8_a_superuser_reads_the_trail_in_the_site_history_report(db, action_label):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    Client().post("/accounts/login/", {"login": "nobody@example.org", "password": "x"})
    client = Client()
    client.post("/accounts/login/", {"login": admin.email, "password": PASSWORD})
    page = client.get("/admin/reports/site-history/")
    assert page.status_code == 200
    assert action_label.encode() in page.content
    assert UNKNOWN_ACCOUNT.encode() in page.content
    assert b"nobody@example.org" not in page.content


def test_dp8_programme_staff_read_entries_on_records_but_not_sign_ins(db):
    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    enquiry = EnquiryFactory(access_needs=f"{MARKER}-access")
    client = Client()
    client.post("/accounts/login/", {"login": staff.email, "password": PASSWORD})
    client.get(f"/admin/members/enquiry/inspect/{enquiry.pk}/")
    page = client.get("/admin/reports/site-history/")
    assert page.status_code == 200
    assert b"Private information viewed" in page.content
    assert enquiry.reference.encode() in page.content
    assert b"Signed in" not in page.content


def test_dp8_a_wrong_emailed_code_is_logged_against_the_account(db):
    user = marked_user()
    client = Client()
    client.post("/accounts/login/code/", {"email": user.email})
    start = last_id()
    client.post("/accounts/login/code/confirm/", {"code": "WRONG1"})
    entry = the_entry("members.sign_in_failed", start)
    assert entry.user_id is None
    assert entry.object_id == str(user.pk)
    assert entry.data == {"step": "emailed code"}
    assert_no_marker(entry, "WRONG1")
    assert "_auth_user_id" not in client.session


def test_dp8_a_wrong_code_for_an_unknown_address_keeps_nothing_of_it(db):
    client = Client()
    client.post("/accounts/login/code/", {"email": f"{MARKER}-nobody@example.org"})
    start = last_id()
    client.post("/accounts/login/code/confirm/", {"code": "WRONG1"})
    entries_now = [e for e in entries("members.sign_in_failed") if e.pk > start]
    for entry in entries_now:
        assert entry.label == UNKNOWN_ACCOUNT
        assert_no_marker(entry, "nobody")


def test_dp8_exporting_the_member_list_is_logged_without_its_contents(db):
    staff = UserFactory(email="staff@example.org", groups=["Programme staff"])
    for n in range(3):
        make_profile(UserFactory(email=f"{MARKER}-{n}@example.org", groups=["Members"]))
    client = Client()
    client.force_login(staff)
    start = last_id()
    response = client.get("/admin/members/memberprofile/?export=csv")
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert MARKER.encode() in body
    entry = the_entry("members.members_exported", start)
    assert entry.user_id == staff.pk
    assert entry.data == {"what": "members", "rows": 3}
    assert_no_marker(entry)


def test_dp8_audit_entries_are_deleted_after_their_retention_period(db, settings):
    settings.AUDIT_RETENTION_DAYS = 30
    user = marked_user()
    from website import audit

    old = audit.record(user, "members.signed_in", user=user)
    recent = audit.record(user, "members.signed_in", user=user)
    ModelLogEntry.objects.filter(pk=old.pk).update(
        timestamp=timezone.now() - timedelta(days=31)
    )
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert not ModelLogEntry.objects.filter(pk=old.pk).exists()
    assert ModelLogEntry.objects.filter(pk=recent.pk).exists()
    assert "deleted 1 audit entries past their retention period" in out.getvalue()
