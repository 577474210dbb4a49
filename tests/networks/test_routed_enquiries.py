"""Enquiries routed to a network: co-chairs are told and see them in "Things to do"; their
moves go through the enquiries workflow (checked, stamped, in the history) and their notes
reach staff and are anonymised with the enquiry."""

import uuid
from datetime import timedelta

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from post_office.models import Email

from members.enquiries.services import submit_enquiry
from members.models import Enquiry
from networks.models import NetworkEnquiryNote
from tests.networks.test_workspace import make_enquiry
from website import activity


def detail_url(network, enquiry):
    return reverse(
        "networks:enquiry_detail", kwargs={"slug": network.slug, "pk": enquiry.pk}
    )


def enquiry_data(network, **overrides):
    data = {
        "full_name": "Lee Leader",
        "email": "lee.leader@nhs.example",
        "job_title": "Director",
        "organisation": "Riverside Trust",
        "organisation_type": "nhs_provider",
        "enquiry_type": "network",
        "message": "We would like to work with the network.",
        "network": network.pk,
        "region": None,
    }
    data.update(overrides)
    return data


def test_a_cochair_closing_an_enquiry_stamps_it_and_leaves_a_history_line(
    client, network, cochair
):
    enquiry = make_enquiry(network, "ENQ-2026-00011")
    client.force_login(cochair)
    client.post(detail_url(network, enquiry), {"status": "in_progress", "note": ""})
    client.post(detail_url(network, enquiry), {"status": "closed", "note": "Done"})
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.CLOSED
    assert enquiry.closed_at is not None
    lines = [(line.label, line.actor_name) for line in activity.history(enquiry)]
    assert lines == [
        ("Status changed from New to In progress", "Cass " + cochair.last_name),
        ("Status changed from In progress to Closed", "Cass " + cochair.last_name),
    ]


def test_an_enquiry_a_cochair_closed_is_anonymised_on_schedule_with_their_notes(
    client, network, cochair, settings
):
    enquiry = make_enquiry(network, "ENQ-2026-00012")
    client.force_login(cochair)
    client.post(
        detail_url(network, enquiry),
        {"status": "closed", "note": "Spoke to ZZ-NOTE-MARKER on the phone"},
    )
    enquiry.refresh_from_db()
    assert enquiry.closed_at is not None
    days = settings.ENQUIRY_RETENTION_DAYS
    Enquiry.objects.filter(pk=enquiry.pk).update(
        closed_at=timezone.now() - timedelta(days=days + 1)
    )
    call_command("purge_enquiries")
    enquiry.refresh_from_db()
    assert enquiry.anonymised_at is not None
    assert enquiry.full_name == "Anonymised"
    note = NetworkEnquiryNote.objects.get(enquiry_id=enquiry.pk)
    assert note.text == "" and note.author_id is None


def test_a_cochair_cannot_make_a_move_the_workflow_refuses(client, network, cochair):
    enquiry = make_enquiry(network, "ENQ-2026-00013")
    client.force_login(cochair)
    # "Matched" is only reachable from "in progress".
    response = client.post(detail_url(network, enquiry), {"status": "matched"})
    assert response.status_code == 200  # the form says the choice is not available
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert not activity.for_record(enquiry).exists()


def test_a_cochair_of_another_network_cannot_move_it(client, network, cochair_other):
    enquiry = make_enquiry(network, "ENQ-2026-00014")
    client.force_login(cochair_other)
    assert (
        client.post(detail_url(network, enquiry), {"status": "closed"}).status_code
        == 404
    )
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW


def test_staff_see_cochairs_notes_on_the_enquiry(client, network, cochair, staff):
    from django.contrib.auth.models import Permission

    enquiry = make_enquiry(network, "ENQ-2026-00015")
    NetworkEnquiryNote.objects.create(
        network=network, enquiry_id=enquiry.pk, author=cochair, text="Call on Tuesday"
    )
    staff.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_enquiry", "change_enquiry"],
            content_type__app_label="members",
        ),
        Permission.objects.get(codename="access_admin"),
    )
    client.force_login(staff)
    html = client.get(f"/admin/members/enquiry/inspect/{enquiry.pk}/").content.decode()
    assert "Co-chairs&#x27; notes" in html or "Co-chairs' notes" in html
    assert "Call on Tuesday" in html


def test_a_routed_enquiry_is_in_the_cochairs_things_to_do(client, network, cochair):
    enquiry = make_enquiry(network, "ENQ-2026-00016", organisation="Riverside Trust")
    client.force_login(cochair)
    html = client.get("/portal/").content.decode()
    assert "ENQ-2026-00016 from Riverside Trust" in html
    assert detail_url(network, enquiry) in html
    assert "You are all up to date" not in html


def test_cochairs_are_emailed_about_a_routed_enquiry_but_never_about_spam(
    network, cochair, cochair_other
):
    enquiry, _ = submit_enquiry(None, enquiry_data(network), uuid.uuid4())
    mail = Email.objects.filter(to=[cochair.email]).get()
    assert enquiry.reference in mail.subject
    assert detail_url(network, enquiry) in mail.message
    assert "We would like to work" not in mail.message  # no message in email
    assert mail.html_message
    assert not Email.objects.filter(to=[cochair_other.email]).exists()
    submit_enquiry(None, enquiry_data(network), uuid.uuid4(), spam_reason="links")
    assert Email.objects.filter(to=[cochair.email]).count() == 1
