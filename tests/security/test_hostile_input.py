"""Hostile input everywhere (security checklist IV-1, IV-2).

Every form gets the same payload table; the enquiry form's detailed field messages are in
tests/members/enquiries/test_enquiry_form.py. Here: never a 500, the payload is never rendered raw
on any public, portal or admin screen, and exports neutralise spreadsheet formulas.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from members.accounts.invitations import Application
from members.models import Enquiry, ExpressionOfInterest
from tests.factories.enquiries import make_enquiry_page
from tests.members.enquiries.test_enquiry_form import valid_data as enquiry_data

# The module-scoped world needs every test in this module to be a database test, so
# pytest-django never runs one after a transactional test has flushed the database.
pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(1)>"
JS_LINK = '<a href="javascript:alert(1)">click</a>'
TEMPLATE = "{{ request.user.password }}{% debug %}"

PAYLOADS = [
    pytest.param("", id="empty"),
    pytest.param("   \t  ", id="whitespace"),
    pytest.param("x" * 201, id="over-200"),
    pytest.param("x" * 1_000_000, id="1MB"),
    pytest.param("a\x00b", id="NUL"),
    pytest.param("\x01\x07\x1b[31m", id="control"),
    pytest.param("\u202eevil\u202c", id="RTL-override"),
    pytest.param("🌻🙂‍↔️", id="emoji"),
    pytest.param(SCRIPT, id="script"),
    pytest.param(IMG, id="img-onerror"),
    pytest.param(JS_LINK, id="javascript-link"),
    pytest.param(SVG, id="svg-onload"),
    pytest.param(TEMPLATE, id="template-syntax"),
]
RAW = [SCRIPT, "<img src=x onerror", "<svg onload", 'href="javascript:']


def assert_inert(content, where):
    for raw in RAW:
        assert raw.encode() not in content, f"raw {raw!r} on {where}"


def assert_answered(response, where):
    """A form either takes the input (a redirect onwards, never to sign-in) or shows the
    form again with an error summary naming what to fix; hostile text stays inert."""
    if response.status_code == 302:
        assert not response["Location"].startswith("/accounts/login/"), where
        return
    assert response.status_code == 200, f"{where}: {response.status_code}"
    assert b'class="error-summary' in response.content, f"{where}: no error summary"
    assert_inert(response.content, where)


def apply_data(**overrides):
    return {
        "name": "Pat Applicant",
        "email": "pat@example.org",
        "member_type": "partner",
        "region": "",
        "organisation": "",
        "reason": "I care for my mum and want to help services listen.",
        "accept_privacy": "on",
        **overrides,
    }


def interest_data(**overrides):
    return {
        "why_interested": "I want services to listen.",
        "experience": "",
        "availability": "Mornings",
        "access_needs": "",
        **overrides,
    }


def update_data(**overrides):
    return {"title": "News", "body": "<p>Text</p>", "visibility": "public", **overrides}


def profile_data(**overrides):
    return {
        "pronouns": "",
        "region": "",
        "organisation": "",
        "bio": "",
        "phone": "",
        "communication_preferences": "",
        "lived_experience": "",
        "caring_responsibilities": "",
        "access_needs": "",
        "preferred_name": "Morgan",
        **overrides,
    }


def meeting_data(**overrides):
    from datetime import timedelta

    from django.utils import timezone

    starts = timezone.localtime() + timedelta(days=12)
    return {
        "title": "Network meeting",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "format": "in_person",
        "place_summary": "Birmingham",
        "joining_details": "Room 4",
        "accessibility": "Step-free access.",
        "places": "10",
        **overrides,
    }


# (form, role, url, data builder, fields to attack)
FORMS = {
    "enquiry": (None, "/enquire/", enquiry_data, ["full_name", "job_title", "message"]),
    "apply": (None, "/join/", apply_data, ["name", "organisation", "reason"]),
    "interest": (
        "member_other",
        "/portal/opportunities/{opportunity}/interest/",
        interest_data,
        ["why_interested", "availability", "access_needs"],
    ),
    "cochair_update": (
        "cochair",
        "/portal/networks/{slug}/updates/new/",
        update_data,
        ["title", "body"],
    ),
    "profile": (
        "member",
        "/portal/profile/edit/",
        profile_data,
        ["bio", "organisation"],
    ),
    "meeting_edit": (
        "cochair",
        "/portal/networks/{slug}/meetings/{meeting}/edit/",
        meeting_data,
        ["title", "place_summary", "accessibility"],
    ),
    "mfa_enrolment_code": (
        "staff",
        "/accounts/two-step/check-email/",
        lambda **o: {"code": "123456", **o},
        ["code"],
    ),
    "meeting_booking": (
        "member",
        "/portal/networks/{slug}/meetings/{meeting}/register/",
        lambda **o: {"access_needs": "Step-free", "share_access_needs": "on", **o},
        ["access_needs"],
    ),
    "event_booking_visitor": (
        None,
        "/events/{event_slug}/",
        lambda **o: {"name": "Sam Visitor", "email": "sam@example.org", **o},
        ["name", "access_needs"],
    ),
    "event_booking_member": (
        "member",
        "/events/{event_slug}/",
        lambda **o: {"access_needs": "Captions", "share_access_needs": "on", **o},
        ["access_needs"],
    ),
    "membership_settings": (
        "member",
        "/portal/networks/{slug}/settings/",
        lambda **o: {"visibility": "members", "update_emails": "weekly", **o},
        ["short_bio"],
    ),
}
CASES = [
    pytest.param(form, field, payload.values[0], id=f"{form}-{field}-{payload.id}")
    for form, (_role, _url, _data, fields) in FORMS.items()
    for field in fields
    for payload in PAYLOADS
]


@pytest.fixture
def enquiry_page(world, db):
    from wagtail.models import Site

    page = make_enquiry_page(Site.objects.get(is_default_site=True).root_page)
    page.notify_staff.set([world.users["staff"]])
    return page


def client_for(world, role):
    client = Client()
    if role:
        client.force_login(world.users[role])
    return client


@pytest.mark.parametrize(("form", "field", "payload"), CASES)
def test_iv1_hostile_input_never_causes_a_500(
    world, enquiry_page, form, field, payload
):
    cache.clear()
    role, url, data, _fields = FORMS[form]
    client = client_for(world, role)
    response = client.post(url.format(**world.objects), data(**{field: payload}))
    assert_answered(response, f"{form} form")


def test_iv1_search_survives_hostile_queries(client, world):
    for payload in (SCRIPT, "x" * 10_000, "a\x00b", "\u202e", TEMPLATE, "%" * 50):
        response = client.get("/search/", {"q": payload})
        assert response.status_code == 200
        assert_inert(response.content, "search")


def test_iv2_stored_payloads_are_escaped_on_staff_portal_and_public_screens(
    world,
    enquiry_page,
):
    cache.clear()
    payload = f"{SCRIPT}{IMG}{SVG}"
    anon = Client()
    assert (
        anon.post("/enquire/", enquiry_data(full_name=IMG, message=payload)).status_code
        == 302
    )
    assert anon.post("/join/", apply_data(name=IMG, reason=payload)).status_code == 302
    member = client_for(world, "member_other")
    url = f"/portal/opportunities/{world.objects['opportunity']}/interest/"
    assert member.post(url, interest_data(why_interested=payload)).status_code == 302
    enquiry = Enquiry.objects.get(full_name__contains="onerror")
    application = Application.objects.get(name__contains="onerror")
    interest = ExpressionOfInterest.objects.get(why_interested__contains="onerror")

    staff = client_for(world, "superuser")
    screens = [
        "/admin/members/enquiry/",
        f"/admin/members/enquiry/inspect/{enquiry.pk}/",
        "/admin/members/application/",
        f"/admin/members/application/inspect/{application.pk}/",
        f"/admin/members/application/edit/{application.pk}/",
        "/admin/members/expressionofinterest/",
        f"/admin/members/expressionofinterest/inspect/{interest.pk}/",
        "/admin/opportunity-interests/bulk/",
        f"/admin/pairings/propose/{enquiry.pk}/",
    ]
    for path in screens:
        response = staff.get(path)
        assert response.status_code == 200, path
        assert_inert(response.content, path)
    mine = member.get(f"/portal/interests/{interest.pk}/")
    assert mine.status_code == 200
    assert_inert(mine.content, "member's interest page")


def test_iv2_cochair_update_payloads_are_inert_on_the_public_network_page(world):
    cochair = client_for(world, "cochair")
    body = f"<p>Hello</p>{SCRIPT}{IMG}{JS_LINK}"
    response = cochair.post(
        f"/portal/networks/{world.objects['slug']}/updates/new/",
        update_data(title=IMG, body=body),
    )
    assert response.status_code == 302, "the update was not published"
    page = Client().get(f"/networks/{world.objects['slug']}/")
    assert page.status_code == 200
    assert_inert(page.content, "network page")


def test_iv2_enquiry_export_neutralises_formulas(world, enquiry_page):
    from io import BytesIO

    from openpyxl import load_workbook

    from tests.factories.enquiries import EnquiryFactory

    EnquiryFactory(full_name='=HYPERLINK("http://evil.example","x")', message="+1")
    staff = client_for(world, "superuser")
    csv = staff.get("/admin/members/enquiry/?export=csv")
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content) if csv.streaming else csv.content
    assert b"\n=HYPERLINK" not in text and b",=HYPERLINK" not in text
    xlsx = staff.get("/admin/members/enquiry/?export=xlsx")
    assert xlsx.status_code == 200
    body = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = load_workbook(BytesIO(body)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    field=st.sampled_from(
        ["full_name", "job_title", "organisation", "message", "email"]
    ),
    value=st.text(max_size=300),
)
def test_iv1_property_any_text_in_the_enquiry_form_is_handled(
    world,
    enquiry_page,
    field,
    value,
):
    cache.clear()
    response = Client().post("/enquire/", enquiry_data(**{field: value}))
    assert_answered(response, f"enquiry form, {field}={value!r}")


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    field=st.sampled_from(["name", "email", "organisation", "reason"]),
    value=st.text(max_size=300),
)
def test_iv1_property_any_text_in_the_application_form_is_handled(
    world,
    db,
    field,
    value,
):
    cache.clear()
    response = Client().post("/join/", apply_data(**{field: value}))
    assert_answered(response, f"application form, {field}={value!r}")
