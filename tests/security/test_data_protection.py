"""Data protection (security checklist DP-1, DP-3, DP-4, DP-5, DP-9)."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.test import Client

from members.models import Enquiry, MemberProfile
from tests.members.accounts.accounts_helpers import fresh_login
from website import dataexport as exporters
from website.datamap import DATA_MAP, MAPPED_APPS, RETENTION, fields_at

# The module-scoped world needs every test in this module to be a database test, so
# pytest-django never runs one after a transactional test has flushed the database.
pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def mapped_models():
    for app in MAPPED_APPS:
        yield from apps.get_app_config(app).get_models()


# --- DP-1 -----------------------------------------------------------------------------------


def test_dp1_every_field_is_classified():
    missing = []
    for model in mapped_models():
        label = model._meta.label
        entry = DATA_MAP.get(label)
        mapped = entry[1] if entry else {}
        missing += [
            f"{label}.{f.name}"
            for f in model._meta.local_concrete_fields
            if f.name not in mapped
        ]
    assert not missing, "Classify these in website/datamap.py: " + ", ".join(missing)


def test_dp1_the_map_names_only_fields_that_exist_and_known_retention_classes():
    stale = []
    for label, (retention, mapped) in DATA_MAP.items():
        assert retention in RETENTION, label
        model = apps.get_model(label)
        names = {f.name for f in model._meta.local_concrete_fields}
        stale += [f"{label}.{name}" for name in mapped if name not in names]
    assert not stale, stale


def test_dp1_special_category_fields_are_the_health_caring_and_access_ones():
    special = set(fields_at("special"))
    assert ("members.MemberProfile", "lived_experience") in special
    assert ("members.MemberProfile", "caring_responsibilities") in special
    assert ("members.MemberProfile", "access_needs") in special
    assert ("members.Enquiry", "access_needs") in special


# --- DP-4 -----------------------------------------------------------------------------------


def models_about_people():
    """Every model (any app) with its own foreign key to the user model or an email field."""
    User = get_user_model()
    for model in apps.get_models():
        for f in model._meta.local_concrete_fields:
            if (f.is_relation and f.related_model is User) or isinstance(
                f, models.EmailField
            ):
                yield model
                break


# Model -> the export section (members/exporters.py hook key) that carries its rows.
EXPORTED_BY = {
    "members.PaymentPreference": "involvement_payments",
    "members.Claim": "involvement_payments",
    "members.User": "account",
    "mfa.Authenticator": "two_step_verification",
    "members.MemberProfile": "profile",
    "members.Invitation": "joining",
    "members.Application": "joining",
    "members.ExpressionOfInterest": "expressions_of_interest",
    "members.OpportunityAlert": "opportunity_alerts",
    "members.OpportunityAlertSent": "opportunity_alerts_sent",
    "members.Enquiry": "enquiries",
    "members.PartnerAvailability": "partner_availability",
    "members.Pairing": "pairings",
    "members.PairingPartner": "pairings",
    "members.PairingSession": "pairing_sessions",
    "members.Reflection": "reflections",
    "networks.NetworkMembership": "networks",
    "networks.NetworkCoChair": "networks",
    "networks.JoinRequest": "networks",
    "networks.CoChairUpdate": "networks",
    "members.EventBooking": "event_bookings",  # network meetings' bookings too
    "members.EventInvitation": "event_invitations",
    "networks.YouSaidWeDid": "networks",  # items the person raised
    "members.TrainingCompletion": "training",
    "members.DebriefRequest": "debrief_requests",
    "members.SetLeader": "learning_sets",
    "members.SetFacilitator": "learning_sets",
    "members.SetInvitation": "learning_sets",
    "members.SetReflection": "learning_sets",
    "members.EqualityAnswers": "equality_monitoring",
    "members.FeedbackSubmission": "feedback",  # answers sent while signed in
}

# Models about people that the export leaves out, with the reason.
NOT_EXPORTED = {
    "account.EmailAddress": "the account section carries the address",
    "account.EmailConfirmation": "short-lived confirmation keys",
    "usersessions.UserSession": "session list, ended on erasure",
    "sessions.Session": "no user key column; ended on erasure",
    "post_office.Email": "outgoing mail, deleted on erasure; not a member record",
    "wagtailcore.PageLogEntry": "editors' audit entries about pages",
    "wagtailcore.ModelLogEntry": "audit entries; labels naming the person are scrubbed",
    "wagtailcore.Revision": "editors' content revisions",
    "wagtailcore.WorkflowState": "editors' moderation workflow",
    "wagtailcore.TaskState": "editors' moderation workflow",
    "wagtailcore.PageSubscription": "editors' comment subscriptions (comments are off)",
    "wagtailcore.Comment": "comments are off",
    "wagtailcore.CommentReply": "comments are off",
    "wagtailcore.UploadedFile": "editors' uploads in progress",
    "wagtailcore.APIToken": "the APIs are not mounted",
    "wagtailadmin.EditingSession": "editors' live editing sessions",
    "wagtailadmin.FormState": "editors' unsaved admin form state",
    "wagtailusers.UserProfile": "admin preferences (staff only)",
    "wagtailimages.Image": "editors' uploads",
    "wagtaildocs.Document": "editors' uploads",
    "wagtailforms.FormSubmission": "the form builder is not used for personal data",
    "home.OrganisationSettings": "the organisation's own contact address",
    "networks.NetworkPage": "the network's public contact address",
    "networks.NetworkEvent": "added_by is the co-chair's working record of a meeting",
    "members.EventPaper": "uploaded_by is the organiser's working record of a paper",
    "members.CalendarFeed": "a private address; the bookings it lists are exported",
    "wagtailcore.Page": "the editor who owns a page: public content, not about them",
    "networks.CoChairUpdateRevision": "earlier wording of updates already exported",
    "networks.NetworkEnquiryNote": "co-chairs' notes about a leader's enquiry",
    "members.EnquiryNote": "staff's working notes",
    "website.Activity": "history lines; each record's export says what happened to it",
    "members.Concern": "safeguarding concerns are kept out of exports on purpose "
    "(members/safeguarding, docs/privacy.md)",
    "members.ConcernView": "who opened a safeguarding concern: the leads' record",
    "members.LearningSet": "a programme record; the person's place in it is exported",
    "members.SetResource": "a link staff shared with a set, not about the person",
    "members.ThemeTag": "staff's tag on a reflection; the reflection is exported",
}


def test_dp4_every_model_about_a_person_is_exported_or_excused():
    unaccounted = sorted(
        model._meta.label
        for model in models_about_people()
        if model._meta.label not in EXPORTED_BY
        and model._meta.label not in NOT_EXPORTED
        and not hasattr(model, "page_ptr")  # pages: public content, not about people
    )
    assert not unaccounted, (
        "Add an export section (members/exporters.py hook) and list it in EXPORTED_BY, "
        "or give a reason in NOT_EXPORTED: " + ", ".join(unaccounted)
    )


def test_dp4_every_named_section_is_registered():
    """Sections appear only when a person has rows, so read the keys from the hooks."""
    import inspect
    import re

    from wagtail import hooks

    keys = set()
    for build in hooks.get_hooks(exporters.MEMBER_DATA_EXPORT_HOOK):
        keys |= set(re.findall(r'key="(\w+)"', inspect.getsource(build)))
        module = inspect.getmodule(build)
        for name in re.findall(r"(\w+)\(user\)", inspect.getsource(build)):
            helper = getattr(module, name, None)
            if callable(helper):
                keys |= set(re.findall(r'key="(\w+)"', inspect.getsource(helper)))
    assert set(EXPORTED_BY.values()) <= keys, set(EXPORTED_BY.values()) - keys


def download_my_data(user):
    """The JSON download as `user` sees it, and how many queries it took."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    fresh_login(client, user)
    client.get("/portal/")  # settle the session, so only the download is counted
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/portal/my-data/download.json")
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
    return json.loads(body), len(queries)


def seed_alert_sent(member, count=1):
    from members.models import OpportunityAlertSent, OpportunityPage
    from tests.factories.opportunities import make_opportunity

    index = OpportunityPage.objects.first().get_parent()
    for _ in range(count):
        OpportunityAlertSent.objects.create(
            member=member, opportunity=make_opportunity(index)
        )


def test_dp4_a_seeded_member_appears_in_every_relevant_section(world, db):
    from members.models import Enquiry, OpportunityAlertSent, OpportunityPage
    from tests.factories.enquiries import EnquiryFactory
    from tests.factories.pairings import make_partner

    member, leader = world.users["member"], world.users["leader"]
    seed_alert_sent(member)
    alerted = OpportunityAlertSent.objects.get(member=member).opportunity.title
    # Other people's rows of the same kinds, with special-category text, must stay out.
    other = make_partner("someone.else@example.org", areas=["mentoring"])
    OpportunityAlertSent.objects.create(
        member=other, opportunity=OpportunityPage.objects.first()
    )
    EnquiryFactory(email="someone.else@example.org", access_needs="ZZ-OTHER-ACCESS")
    EnquiryFactory(email=leader.email, status=Enquiry.Status.SPAM, message="ZZ-SPAM")
    own = EnquiryFactory(
        email=leader.email.upper(),
        message="ZZ-OWN-MESSAGE",
        access_needs="ZZ-OWN-ACCESS",
    )

    data, _ = download_my_data(member)
    assert data["format"] == "voices-member-data/1"
    assert "member@example.org" in json.dumps(data)
    for key in (
        "account",
        "profile",
        "partner_availability",
        "opportunity_alerts_sent",
    ):
        assert key in data, sorted(data)
    # the member's expression of interest and network membership are in the download
    assert any("interest" in key for key in data), sorted(data)
    assert any("network" in key for key in data), sorted(data)
    assert any("pairing" in key for key in data), sorted(data)
    assert data["partner_availability"] == [
        {
            "pairings_at_once": 2,
            "accepting_new_pairings": True,
            "unavailable_until": None,
            "what_you_can_help_with": [
                "1-to-1 coaching with a Lived Experience Partner"
            ],
            "updated_at": data["partner_availability"][0]["updated_at"],
        }
    ]
    assert [row["opportunity"] for row in data["opportunity_alerts_sent"]] == [alerted]
    assert "enquiries" not in data  # the member never sent one

    data, _ = download_my_data(leader)
    enquiries = {row["reference"]: row for row in data["enquiries"]}
    # the pairing's enquiry and the one sent with the address in capitals; never spam
    assert len(enquiries) == 2, enquiries
    assert enquiries[own.reference]["message"] == "ZZ-OWN-MESSAGE"
    assert enquiries[own.reference]["access_needs"] == "ZZ-OWN-ACCESS"
    text = json.dumps(data)
    for foreign in ("ZZ-OTHER-ACCESS", "ZZ-SPAM", "someone.else", "Mentoring"):
        assert foreign not in text, foreign
    assert "partner_availability" not in data and "opportunity_alerts_sent" not in data


def test_dp4_the_download_takes_the_same_queries_for_one_record_or_many(world, db):
    """No query per record: more enquiries and alerts cost no extra queries."""
    from tests.factories.enquiries import EnquiryFactory

    member = world.users["member"]
    seed_alert_sent(member)
    EnquiryFactory(email=member.email)
    _, few = download_my_data(member)
    seed_alert_sent(member, count=5)
    for _ in range(5):
        EnquiryFactory(email=member.email)
    data, many = download_my_data(member)
    assert len(data["enquiries"]) == 6
    assert len(data["opportunity_alerts_sent"]) == 6
    assert many == few


# --- DP-3 / DP-5 helpers --------------------------------------------------------------------


def text_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField, models.JSONField))
    ]


def where_marker_is(marker):
    """Every (model, field) in the whole database holding the marker."""
    hits = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for f in text_fields(model):
            lookup = f"{f.name}__icontains"
            try:
                found = model._base_manager.filter(**{lookup: marker}).exists()
            except Exception:  # noqa: BLE001 - a JSON lookup the backend cannot do
                found = any(
                    marker.lower() in str(v).lower()
                    for v in model._base_manager.values_list(f.name, flat=True)
                )
            if found:
                hits.append(f"{model._meta.label}.{f.name}")
    return hits


# --- DP-3 -----------------------------------------------------------------------------------

MARKER = "ZZ-HEALTH-MARKER"


@pytest.fixture
def marked(world, db):
    member = world.users["member"]
    MemberProfile.objects.filter(user=member).update(
        lived_experience=f"{MARKER}-lived",
        caring_responsibilities=f"{MARKER}-caring",
        access_needs=f"{MARKER}-access",
        special_category_consent_version="1",
    )
    return member


def test_dp3_marker_is_shown_to_the_member_on_their_own_profile(marked):
    client = Client()
    client.force_login(marked)
    assert MARKER.encode() in client.get("/portal/profile/").content


@pytest.mark.parametrize(
    ("role", "paths"),
    [
        ("cochair", ["/portal/", "/portal/networks/west-midlands/members/"]),
        ("member_other", ["/portal/", "/networks/west-midlands/"]),
        ("editor", ["/admin/", "/admin/pages/"]),
        ("leader", ["/portal/", "/portal/pairings/"]),
        ("staff", ["/admin/members/memberprofile/", "/admin/pairings/"]),
    ],
)
def test_dp3_marker_is_not_shown_to_others(marked, world, role, paths):
    client = Client()
    client.force_login(world.users[role])
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert MARKER.encode() not in response.content, f"{role} saw it on {path}"


def test_dp3_marker_is_not_in_the_staff_member_csv(marked, world):
    client = Client()
    client.force_login(world.users["staff"])
    response = client.get("/admin/members/memberprofile/?export=csv")
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert MARKER.encode() not in body


# --- DP-5 -----------------------------------------------------------------------------------


def test_dp5_erasure_leaves_no_marker_anywhere(world, db, mailoutbox):
    from django.core.management import call_command

    from members.accounts.services import erase_member
    from tests.factories.enquiries import EnquiryFactory

    marker = "ZZ-ERASE-5f1c"
    member = world.users["member"]
    get_user_model().objects.filter(pk=member.pk).update(
        first_name=f"{marker}-first",
        last_name=f"{marker}-last",
        preferred_name=f"{marker}-preferred",
        email=f"{marker.lower()}@example.org",
    )
    member.refresh_from_db()
    MemberProfile.objects.filter(user=member).update(
        bio=f"{marker}-bio",
        phone=f"{marker}-phone",
        organisation=f"{marker}-org",
        lived_experience=f"{marker}-lived",
        caring_responsibilities=f"{marker}-caring",
        access_needs=f"{marker}-access",
    )
    EnquiryFactory(
        email=member.email,
        full_name=f"{marker} as a leader",
        job_title=f"{marker}-job",
        organisation=f"{marker}-trust",
        message=f"{marker}-message",
        access_needs=f"{marker}-enquiry-access",
    )
    from members.models import ExpressionOfInterest

    ExpressionOfInterest.objects.filter(member=member).update(
        why_interested=f"{marker}-why"
    )
    from networks.models import NetworkMembership

    NetworkMembership.objects.filter(user=member).update(short_bio=f"{marker}-bio")
    client = Client()
    fresh_login(client, member)
    client.get("/portal/")  # a live session row
    from post_office import mail

    mail.send(member.email, "noreply@example.org", subject="Hi", message=marker)
    call_command("run_outbox_worker", once=True)
    assert where_marker_is(marker), "the seeding did not reach the database"

    enquiry = Enquiry.objects.get(email=member.email)
    erase_member(member)
    assert not where_marker_is(marker), where_marker_is(marker)
    # The enquiry stays for the programme's figures, with nothing that identifies the person.
    enquiry.refresh_from_db()
    assert enquiry.anonymised_at is not None
    assert (enquiry.reference, enquiry.enquiry_type) != ("", "")
    assert enquiry.access_needs == "" and enquiry.message == ""


# --- DP-9 -----------------------------------------------------------------------------------


def test_dp9_the_dpia_starting_point_exists():
    privacy = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    for heading in ("Data map", "Lawful bases", "Retention", "Processors"):
        assert heading in privacy


# What account deletion clears itself (members.accounts.services.erase_member), and records
# whose personal fields only point at the account, which is anonymised and kept.
ERASED_BY_ERASE_MEMBER = {
    "members.User": "anonymised and kept as Former member",
    "members.MemberProfile": "deleted",
    "members.Invitation": "address replaced",
    "members.Application": "name, address, organisation and reason replaced",
    "website.Activity": "the person's lines lose name and notes (activity.erase_actor)",
    "website.TextMessage": "every text to the profile's mobile number deleted (sms.forget)",
    "members.EventPaper": "only who uploaded it, the account kept as Former member",
}

# Records kept on account deletion for their own retention period, with the reason.
KEPT_ON_ERASURE = {
    "members.Concern": "a safeguarding record, erased SAFEGUARDING_RETENTION_YEARS after "
    "closing; the raiser's link points at the anonymised account",
}


def test_dp5_every_model_holding_personal_data_is_erased_by_someone():
    """Driven by the data map: a new model with personal fields (other than a link to the
    account, which is anonymised) fails here until an erase step says it clears it."""
    from django.apps import apps

    from website.dataexport import erased_models

    covered = erased_models() | set(ERASED_BY_ERASE_MEMBER) | set(KEPT_ON_ERASURE)
    user_model = get_user_model()
    forgotten = []
    for label, (retention, mapped) in DATA_MAP.items():
        if retention == "content":
            continue
        model = apps.get_model(label)
        personal = [
            name
            for name, level in mapped.items()
            if level != "none"
            and not (
                model._meta.get_field(name).is_relation
                and model._meta.get_field(name).related_model is user_model
            )
        ]
        if personal and label not in covered:
            forgotten.append(f"{label}: {', '.join(personal)}")
    assert forgotten == [], "no erase step clears:\n" + "\n".join(forgotten)
