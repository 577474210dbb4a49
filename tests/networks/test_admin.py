"""Programme staff manage co-chairs and memberships in the admin; editors cannot."""

from datetime import date

from networks.models import NetworkCoChair

ADMIN_URLS = [
    "/admin/networks/networkcochair/",
    "/admin/networks/networkcochair/create/",
    "/admin/networks/networkmembership/",
    "/admin/networks/joinrequest/",
    "/admin/networks/cochairupdate/",
    "/admin/members/event/",  # network meetings are events
    "/admin/networks/moderation/",
]


def test_staff_see_the_network_screens_and_assign_a_cochair(
    client, staff, network, member
):
    client.force_login(staff)
    for url in ADMIN_URLS:
        assert client.get(url).status_code == 200, url
    response = client.post(
        "/admin/networks/networkcochair/create/",
        {
            "network": network.pk,
            "user": member.pk,
            "role_title": "Director co-chair",
            "organisation": "A council",
            "photo_alt": "",
            "term_start": date(2026, 1, 1).isoformat(),
            "term_end": date(2027, 12, 31).isoformat(),
            "sort_order": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NetworkCoChair.objects.filter(user=member, network=network).exists()


def test_editors_cannot_reach_member_or_cochair_records(client, editor):
    client.force_login(editor)
    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] in ("/admin/", "/accounts/login/?next=" + url)
