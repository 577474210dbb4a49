"""Staff see event bookings in the admin; the access needs a person shared are special-
category data, shown only to staff holding the dedicated permission."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from members.events import services
from tests.factories.events import make_event


def inspect_url(booking):
    return reverse("members_eventbooking_modeladmin_inspect", args=[booking.pk])


def test_staff_without_the_permission_do_not_see_shared_access_needs(
    client, staff, member
):
    booking = services.book(
        make_event(), user=member, access_needs="Needs a hearing loop"
    )
    client.force_login(staff)
    page = client.get(inspect_url(booking))
    assert page.status_code == 200
    assert booking.event.title in page.content.decode()
    assert "Needs a hearing loop" not in page.content.decode()


def test_staff_with_the_permission_see_shared_access_needs(client, staff, member):
    booking = services.book(
        make_event(), user=member, access_needs="Needs a hearing loop"
    )
    staff.user_permissions.add(
        Permission.objects.get(codename="view_interest_access_needs")
    )
    client.force_login(staff)
    assert "Needs a hearing loop" in client.get(inspect_url(booking)).content.decode()
