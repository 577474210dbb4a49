"""Error reports and logs carry no special-category data (security checklist DP-7)."""

import logging
import sys

import pytest
from django.core.signals import got_request_exception
from django.test import Client
from django.views.debug import ExceptionReporter

from tests.factories import UserFactory
from tests.factories.enquiries import make_enquiry_page
from tests.members.enquiries.test_enquiry_form import valid_data as enquiry_data

MARKER = "ZZ-DP7-MARKER"


@pytest.fixture
def captured():
    """The request and exception of the next 500, as Django's error email would see them."""
    seen = {}

    def receiver(sender, request, **kwargs):
        seen["request"] = request
        seen["exc_info"] = sys.exc_info()

    got_request_exception.connect(receiver)
    yield seen
    got_request_exception.disconnect(receiver)


def report_text(seen):
    return ExceptionReporter(seen["request"], *seen["exc_info"]).get_traceback_text()


def explode(*args, **kwargs):
    raise RuntimeError("forced failure")


def test_dp7_profile_markers_are_hidden_in_the_error_report(
    db, captured, monkeypatch, caplog
):
    from members.accounts.views import profile

    monkeypatch.setattr(profile.services, "save_profile", explode)
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(groups=["Members"]))
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/portal/profile/edit/",
            {
                "preferred_name": "Morgan",
                "lived_experience": f"{MARKER}-lived",
                "access_needs": f"{MARKER}-access",
                "special_category_consent": "on",
            },
        )
    assert response.status_code == 500
    text = report_text(captured)
    assert MARKER not in text
    assert "********************" in text
    assert MARKER not in caplog.text


def test_dp7_enquiry_details_are_hidden_in_the_error_report(
    home_page, captured, monkeypatch, caplog
):
    from members.enquiries import views as enquiries

    make_enquiry_page(home_page)
    monkeypatch.setattr(enquiries, "submit_enquiry", explode)
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/enquire/", enquiry_data(message=MARKER, access_needs=MARKER)
        )
    assert response.status_code == 500
    text = report_text(captured)
    assert MARKER not in text
    assert MARKER not in caplog.text
