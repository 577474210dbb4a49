"""A leader sends an enquiry: stored first, acknowledged with a reference, mail queued."""

import re
import time
import uuid

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError
from post_office.models import STATUS, Email

from home.models.snippets import Region
from members.models import Enquiry
from tests.factories import UserFactory
from tests.factories.enquiries import make_enquiry_page
from website import activity
from website.spam import SIGNER_SALT

URL = "/enquire/"


class AgedSigner(signing.TimestampSigner):
    """Signs as if the form had been rendered `age` seconds ago."""

    def __init__(self, age, **kwargs):
        self.age = age
        super().__init__(**kwargs)

    def timestamp(self):
        return signing.b62_encode(int(time.time() - self.age))


def aged_token(age=60, token=None):
    return AgedSigner(age, salt=SIGNER_SALT).sign((token or uuid.uuid4()).hex)


def valid_data(**overrides):
    region = Region.objects.get(slug="west-midlands")
    data = {
        "full_name": "Priya Shah",
        "email": "priya.shah@example.org",
        "phone": "",
        "job_title": "Director of Adult Social Care",
        "organisation": "Example County Council",
        "organisation_type": "local_authority",
        "region": str(region.pk),
        "enquiry_type": "coaching",
        "message": "I would like coaching from a Lived Experience Partner.",
        "heard_about": "A colleague",
        "access_needs": "",
        "consent": "on",
        "website": "",
        "form_token": aged_token(),
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def enquiry_page(home_page, staff):
    page = make_enquiry_page(home_page)
    page.notify_staff.set([staff])
    page.save()
    return page


def test_leader_sees_an_accessible_form(client, enquiry_page):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert re.search(r"<title>Make an enquiry", html)
    assert 'autocomplete="name"' in html
    assert 'autocomplete="email"' in html
    assert 'autocomplete="organization"' in html
    assert 'autocomplete="organization-title"' in html
    assert 'autocomplete="tel"' in html
    # The honeypot is out of the tab order and hidden from assistive technology.
    honeypot = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in honeypot and 'aria-hidden="true"' in honeypot
    assert "no-store" in response["Cache-Control"]


def test_valid_enquiry_is_stored_and_mail_queued_not_sent(
    client, enquiry_page, staff, mailoutbox
):
    response = client.post(URL, valid_data())
    assert response.status_code == 302
    assert response["Location"] == "/enquire/thank-you/"
    enquiry = Enquiry.objects.get()
    assert re.fullmatch(r"ENQ-\d{4}-\d{5}", enquiry.reference)
    assert enquiry.status == Enquiry.Status.NEW
    assert enquiry.region.slug == "west-midlands"
    assert enquiry.region_name == "West Midlands"
    assert enquiry.consented_at is not None
    assert activity.for_record(enquiry).get().verb == "received"
    # Queued in the outbox within the request; nothing is sent until the worker runs.
    assert mailoutbox == []
    assert Email.objects.filter(status=STATUS.queued).count() == 2

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert enquiry.reference in thanks.content.decode()
    # Reloading the confirmation shows it again and stores nothing new.
    assert enquiry.reference in client.get(response["Location"]).content.decode()
    assert Enquiry.objects.count() == 1

    call_command("run_outbox_worker", once=True)
    by_recipient = {tuple(m.to): m for m in mailoutbox}
    assert set(by_recipient) == {(staff.email,), ("priya.shah@example.org",)}
    staff_mail = by_recipient[(staff.email,)]
    assert enquiry.reference in staff_mail.subject
    acknowledgement = by_recipient[("priya.shah@example.org",)]
    assert enquiry.reference in acknowledgement.subject
    assert enquiry.reference in acknowledgement.body
    assert "What happens next" in acknowledgement.body


def test_acknowledgement_quotes_no_submitted_text_or_links(
    client, enquiry_page, mailoutbox
):
    """We must not be a relay: the enquirer's words never go back out by email (IV-4)."""
    data = valid_data(
        full_name="Visit https://spam.example now",
        message="Buy at https://spam.example/pills and www.spam.example",
    )
    client.post(URL, data)
    call_command("run_outbox_worker", once=True)
    acknowledgement = next(m for m in mailoutbox if m.to == ["priya.shah@example.org"])
    assert "spam.example" not in acknowledgement.body
    assert "spam.example" not in acknowledgement.alternatives[0][0]


def test_header_injection_in_name_adds_no_recipients(
    client, enquiry_page, staff, mailoutbox
):
    client.post(URL, valid_data(full_name="Priya\r\nBcc: x@evil.example"))
    call_command("run_outbox_worker", once=True)
    staff_mail = next(m for m in mailoutbox if m.to == [staff.email])
    assert staff_mail.recipients() == [staff.email]
    assert all("evil" not in ",".join(m.recipients()) for m in mailoutbox)
    assert Enquiry.objects.get().full_name == "Priya Bcc: x@evil.example"


def test_notification_goes_to_chosen_staff_and_settings_not_editors(
    client, enquiry_page, staff, editor, settings, mailoutbox
):
    settings.ENQUIRY_NOTIFY_EMAILS = ["team@voices.example.org"]
    other_staff = UserFactory(
        email="other.staff@example.org", groups=["Programme staff"]
    )
    # An editor-level account cannot be a notification recipient even if attached.
    enquiry_page.notify_staff.add(editor)
    client.post(URL, valid_data())
    call_command("run_outbox_worker", once=True)
    # One message per address, so staff never see each other's addresses.
    staff_mail = [m.to for m in mailoutbox if "New enquiry" in m.subject]
    assert sorted(staff_mail) == sorted([[staff.email], ["team@voices.example.org"]])
    assert [other_staff.email] not in staff_mail


def test_enquiry_page_has_no_free_text_recipient_field():
    from members.models import EnquiryPage

    names = {field.name for field in EnquiryPage._meta.get_fields()}
    assert "to_address" not in names
    assert "notify_staff" in names


def test_errors_keep_values_and_prefix_the_title(client, enquiry_page):
    data = valid_data(email="not-an-email", message="")
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>Error: Make an enquiry", html)
    assert "There is a problem" in html
    assert 'href="#id_email"' in html and 'href="#id_message"' in html
    assert "Enter an email address in the correct format" in html
    assert 'value="Example County Council"' in html
    assert "aria-describedby" in html
    assert Enquiry.objects.count() == 0


def test_submission_token_stops_double_submits(client, enquiry_page):
    data = valid_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302
    assert Enquiry.objects.count() == 1
    reference = Enquiry.objects.get().reference
    assert reference in client.get(second["Location"]).content.decode()
    assert Email.objects.count() == 2


def test_thank_you_without_a_submission_goes_back_to_the_form(client, enquiry_page):
    response = client.get("/enquire/thank-you/")
    assert response.status_code == 302
    assert response["Location"] == URL


BAD_INPUT = [
    ("full_name", "", "Enter your full name"),
    ("full_name", "   ", "Enter your full name"),
    ("full_name", "x" * 201, "200 characters or fewer"),
    ("organisation", "x" * 100_000, "200 characters or fewer"),
    ("job_title", "\x00\x01\x02", "Enter your job title"),
    ("email", "x" * 250 + "@example.org", "254 characters or fewer"),
    ("email", "a@b\x00.org", None),
    ("email", "priya@example.org\r\nBcc: x@evil.example", None),
    ("message", "x" * 5001, "5,000 characters or fewer"),
    ("message", "x" * 1_000_000, "5,000 characters or fewer"),
    ("message", "\u202e\u2066\x00", "Enter your enquiry"),
    ("region", "not-a-number", "Select your region from the list"),
    ("region", "999999", "Select your region from the list"),
    ("organisation_type", "<script>", "Select the type of organisation"),
    ("enquiry_type", "hacking", "Select what your enquiry is about"),
    ("consent", "", "Confirm that we can contact you"),
    ("phone", "0" * 41, "40 characters or fewer"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_INPUT)
def test_bad_input_gives_a_field_error_never_a_500(
    client, enquiry_page, field, value, message
):
    data = valid_data()
    data[field] = value
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert f'href="#id_{field}' in html
    assert 'href="#"' not in html
    if message:
        assert message in html
    assert Enquiry.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("full_name", "x" * 200), ("message", "x" * 5000), ("organisation", "y" * 200)],
)
def test_values_at_the_boundary_are_accepted(client, enquiry_page, field, value):
    response = client.post(URL, valid_data(**{field: value}))
    assert response.status_code == 302
    assert getattr(Enquiry.objects.get(), field) == value


def test_control_and_bidi_characters_are_stripped_emoji_kept(client, enquiry_page):
    data = valid_data(
        full_name="Pri\u202eya\x07 Shah 🌻",
        message="Line one\r\nLine two \u2066with isolate\u2069 and emoji 🙂\x00",
    )
    assert client.post(URL, data).status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.full_name == "Priya Shah 🌻"
    assert enquiry.message == "Line one\nLine two with isolate and emoji 🙂"


def test_too_many_links_is_a_field_error(client, enquiry_page):
    message = " ".join(f"https://example.org/{n}" for n in range(4))
    response = client.post(URL, valid_data(message=message))
    assert response.status_code == 200
    assert "no more than 3 web links" in response.content.decode()
    assert (
        client.post(URL, valid_data(message=message.rsplit(" ", 1)[0])).status_code
        == 302
    )


def test_missing_csrf_token_gets_the_styled_403(enquiry_page):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(URL, valid_data())
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_forged_csrf_token_gets_the_styled_403(enquiry_page):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.get(URL)
    response = strict.post(URL, {**valid_data(), "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"website": "https://bot.example"}, "honeypot filled"),
        ({"form_token": "forged-token"}, "bad form token"),
        ({"form_token": "abc:def:ghi"}, "bad form token"),
        ({"form_token": "FRESH"}, "sent too quickly"),
    ],
)
def test_suspected_spam_is_quarantined_silently(
    client, enquiry_page, mailoutbox, overrides, reason
):
    if overrides.get("form_token") == "FRESH":
        overrides = {"form_token": aged_token(age=0)}
    response = client.post(URL, valid_data(**overrides))
    # The bot sees exactly what a person would.
    assert response.status_code == 302
    assert response["Location"] == "/enquire/thank-you/"
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.SPAM
    assert enquiry.spam_reason == reason
    assert Email.objects.count() == 0
    call_command("run_outbox_worker", once=True)
    assert mailoutbox == []


def test_a_held_enquiry_is_not_told_a_confirmation_was_sent(client, enquiry_page):
    from wagtail.models import Site

    from home.models.settings import OrganisationSettings

    site_settings = OrganisationSettings.for_site(
        Site.objects.get(is_default_site=True)
    )
    site_settings.contact_email = "team@voices.example.org"
    site_settings.save()
    client.post(URL, valid_data(website="https://bot.example"))
    html = client.get("/enquire/thank-you/").content.decode()
    assert "We have sent a confirmation" not in html
    assert "could not send a confirmation email" in html
    assert 'href="mailto:team@voices.example.org"' in html
    assert Enquiry.objects.get().reference in html


def test_a_real_enquiry_is_told_its_confirmation_was_sent(client, enquiry_page):
    client.post(URL, valid_data())
    html = client.get("/enquire/thank-you/").content.decode()
    assert "We have sent a confirmation to the email address you gave" in html
    assert Email.objects.count() >= 1


def test_form_sent_after_ten_minutes_is_accepted(client, enquiry_page):
    assert (
        client.post(URL, valid_data(form_token=aged_token(age=600))).status_code == 302
    )
    assert Enquiry.objects.get().status == Enquiry.Status.NEW


def test_expired_form_is_shown_again_with_values_kept(client, enquiry_page):
    response = client.post(URL, valid_data(form_token=aged_token(age=60 * 60 * 25)))
    html = response.content.decode()
    assert response.status_code == 200
    assert "check your answers and send your enquiry again" in html
    assert 'value="Example County Council"' in html
    assert Enquiry.objects.count() == 0


def test_rate_limit_per_ip_gives_a_friendly_429(client, enquiry_page, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 2
    settings.ENQUIRY_RATE_LIMIT_PER_EMAIL = 100
    for n in range(2):
        response = client.post(URL, valid_data(email=f"p{n}@example.org"))
        assert response.status_code == 302
    response = client.post(URL, valid_data(email="p9@example.org"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts" in html and "try again" in html
    assert int(response["Retry-After"]) > 0
    assert Enquiry.objects.count() == 2
    other = client.post(
        URL, valid_data(email="p10@example.org"), REMOTE_ADDR="192.0.2.55"
    )
    assert other.status_code == 302


def test_rate_limit_per_email_ignores_case(client, enquiry_page, settings):
    settings.ENQUIRY_RATE_LIMIT_PER_EMAIL = 1
    assert client.post(URL, valid_data(email="Priya@Example.org")).status_code == 302
    response = client.post(
        URL, valid_data(email="priya@example.ORG"), REMOTE_ADDR="192.0.2.77"
    )
    assert response.status_code == 429
    assert Enquiry.objects.count() == 1


def test_spoofed_forwarded_for_shares_the_real_clients_bucket(
    client, enquiry_page, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1
    settings.ENQUIRY_RATE_LIMIT_PER_EMAIL = 100
    first = client.post(
        URL, valid_data(email="a@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert first.status_code == 302
    spoofed = client.post(
        URL,
        valid_data(email="b@example.org"),
        HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7",
    )
    assert spoofed.status_code == 429


def test_forwarded_for_is_ignored_without_a_trusted_proxy(
    client, enquiry_page, settings
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    settings.ENQUIRY_RATE_LIMIT_PER_IP = 1
    settings.ENQUIRY_RATE_LIMIT_PER_EMAIL = 100
    client.post(URL, valid_data(email="a@example.org"), HTTP_X_FORWARDED_FOR="1.1.1.1")
    again = client.post(
        URL, valid_data(email="b@example.org"), HTTP_X_FORWARDED_FOR="2.2.2.2"
    )
    assert again.status_code == 429


def test_outbox_failure_rolls_back_the_enquiry(client, enquiry_page, monkeypatch):
    """No enquiry may exist without its notification (RL-3): the user is asked to retry."""

    def broken_send(*args, **kwargs):
        raise DatabaseError("outbox table unavailable")

    monkeypatch.setattr("website.outbox.send_many", broken_send)
    response = client.post(URL, valid_data())
    assert response.status_code == 200
    assert "Please try again" in response.content.decode()
    assert Enquiry.objects.count() == 0
    assert Email.objects.count() == 0


def test_error_after_save_leaves_no_enquiry_or_email(enquiry_page, monkeypatch):
    from members.enquiries import services as services

    def fail(*args, **kwargs):
        raise RuntimeError("crash after the enquiry row was written")

    monkeypatch.setattr(services, "_queue_emails", fail)
    with pytest.raises(RuntimeError):
        services.submit_enquiry(
            enquiry_page,
            {
                "full_name": "A",
                "email": "a@example.org",
                "job_title": "B",
                "organisation": "C",
                "organisation_type": "other",
                "enquiry_type": "other",
                "message": "D",
                "consent": True,
            },
            uuid.uuid4(),
        )
    assert Enquiry.objects.count() == 0
    assert Email.objects.count() == 0


def test_deleting_or_moving_the_page_keeps_enquiries(client, enquiry_page, home_page):
    client.post(URL, valid_data())
    enquiry = Enquiry.objects.get()
    enquiry_page.unpublish()
    assert Enquiry.objects.filter(pk=enquiry.pk).exists()
    enquiry_page.delete()
    enquiry.refresh_from_db()
    assert enquiry.page is None
    assert enquiry.message.startswith("I would like coaching")


def test_deleting_a_region_keeps_the_enquiry_and_its_region_name(client, enquiry_page):
    client.post(URL, valid_data())
    Region.objects.filter(slug="west-midlands").delete()
    enquiry = Enquiry.objects.get()
    assert enquiry.region is None
    assert enquiry.region_name == "West Midlands"


def test_form_query_count_is_bounded(
    client, enquiry_page, django_assert_max_num_queries
):
    client.get(URL)  # site settings rows are created on the first visit
    with django_assert_max_num_queries(16):
        client.get(URL)
    with django_assert_max_num_queries(40):
        client.post(URL, valid_data())


def test_chosen_network_is_stored_for_its_co_chairs(client, enquiry_page, home_page):
    from tests.factories.networks import make_network

    network = make_network(home_page, slug="west-midlands", title="West Midlands")
    html = client.get(URL).content.decode()
    assert f'<option value="{network.pk}">West Midlands</option>' in html
    response = client.post(
        URL, valid_data(enquiry_type="network", network=str(network.pk))
    )
    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.network_page_id == network.pk
    assert enquiry.network_name == "West Midlands"
    # A page that is not an offered network is refused, not stored.
    bad = client.post(URL, valid_data(network=str(enquiry_page.pk)))
    assert bad.status_code == 200
    assert "Select a network from the list" in bad.content.decode()


def test_staff_html_email_escapes_markup(client, enquiry_page, staff, mailoutbox):
    client.post(URL, valid_data(full_name="<b>Bold</b> <img src=x onerror=alert(1)>"))
    call_command("run_outbox_worker", once=True)
    staff_mail = next(m for m in mailoutbox if m.to == [staff.email])
    html = staff_mail.alternatives[0][0]
    assert "<img" not in html and "<b>Bold" not in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html


def test_contact_this_network_link_preselects_the_network(client, db):
    from django.apps import apps

    from members.models import EnquiryPage

    page = EnquiryPage.objects.live().first()
    if page is None:
        from django.core.management import call_command

        call_command("load_demo", verbosity=0)
        page = EnquiryPage.objects.live().first()
    network = apps.get_model("networks", "NetworkPage").objects.live().first()
    html = client.get(f"{page.url}?network={network.pk}").content.decode()
    assert f'<option value="{network.pk}" selected>' in html
    for nonsense in ("abc", "-1", "9" * 40, "%00"):
        assert client.get(f"{page.url}?network={nonsense}").status_code == 200
