"""Co-chairs write updates: sanitised on save (IV-3), moderated when the network asks,
visible to the right people only, with a revision trail."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from networks.models import CoChairUpdate
from networks.models.updates import UpdateStatus
from tests.factories.networks import UpdateFactory


def create_url(network):
    return reverse("networks:update_create", kwargs={"slug": network.slug})


def post_update(client, network, **data):
    payload = {"title": "Meeting notes", "body": "Hello all", "visibility": "public"}
    payload.update(data)
    return client.post(create_url(network), payload)


HOSTILE = (
    '<p onclick="steal()">Hi <a href="javascript:alert(1)">click</a> '
    '<a href="https://example.org/" style="color:red" onmouseover="x()">ok</a></p>'
    '<iframe src="https://evil.example/"></iframe><script>alert(1)</script>'
    "<img src=x onerror=alert(1)><svg onload=alert(1)></svg>"
    '<a href="JaVaScRiPt:alert(2)">two</a><a href="data:text/html,hi">three</a>'
    "<style>body{display:none}</style><ul><li><strong>bold</strong> <em>it</em></li></ul>"
)


def test_crafted_html_is_sanitised_on_save(client, network, cochair):
    client.force_login(cochair)
    response = post_update(client, network, body=HOSTILE, publish="1")
    assert response.status_code == 302
    body = CoChairUpdate.objects.get().body
    for bad in (
        "script",
        "iframe",
        "style",
        "onclick",
        "onmouseover",
        "onerror",
        "onload",
        "javascript:",
        "JaVaScRiPt",
        "data:",
        "<img",
        "<svg",
        "alert",
    ):
        assert bad not in body, bad
    assert (
        '<a href="https://example.org/" rel="noopener noreferrer nofollow">ok</a>'
        in body
    )
    assert "<ul><li><strong>bold</strong> <em>it</em></li></ul>" in body


def test_plain_text_becomes_paragraphs_and_lists(client, network, cochair):
    client.force_login(cochair)
    post_update(
        client, network, body="First para\n\n- one\n- two\n\nA <b>not html", publish="1"
    )
    body = CoChairUpdate.objects.get().body
    assert body == "<p>First para</p><ul><li>one</li><li>two</li></ul><p>A not html</p>"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": ""}, "title", "Enter a title for the update"),
        ({"title": "   \x00 "}, "title", "Null characters are not allowed"),
        ({"title": "x" * 151}, "title", "150 characters or fewer"),
        ({"body": ""}, "body", "Enter the text of the update"),
        ({"body": "<script>alert(1)</script>"}, "body", "Enter the text of the update"),
        ({"body": "x" * 1_000_000}, "body", "10,000 characters or fewer"),
        ({"visibility": "everyone"}, "visibility", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_field_message_and_saves_nothing(
    client, network, cochair, data, field, message
):
    client.force_login(cochair)
    response = post_update(client, network, publish="1", **data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "There is a problem" in response.content.decode()
    assert not CoChairUpdate.objects.exists()


def test_emoji_and_rtl_overrides(client, network, cochair):
    client.force_login(cochair)
    post_update(
        client, network, title="Good news 🎉\u202e", body="Thanks 💚", publish="1"
    )
    update = CoChairUpdate.objects.get()
    assert update.title == "Good news 🎉"
    assert "💚" in update.body


def test_without_moderation_a_published_update_appears_at_once(
    client, network, cochair
):
    client.force_login(cochair)
    post_update(client, network, title="Straight out", publish="1")
    client.logout()
    assert "Straight out" in client.get(network.url).content.decode()


def test_with_moderation_the_update_waits_for_staff(
    client, network, cochair, staff, mailoutbox
):
    network.moderate_updates = True
    network.save_revision().publish()
    client.force_login(cochair)
    response = post_update(client, network, title="Needs a check", publish="1")
    assert response.status_code == 302
    update = CoChairUpdate.objects.get()
    assert update.status == UpdateStatus.AWAITING_MODERATION
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[staff.email]]
    client.logout()
    assert "Needs a check" not in client.get(network.url).content.decode()

    client.force_login(staff)
    detail = reverse("networks_moderation_detail", kwargs={"pk": update.pk})
    assert client.get(reverse("networks_moderation")).status_code == 200
    assert client.post(detail, {"action": "approve"}).status_code == 302
    update.refresh_from_db()
    assert update.status == UpdateStatus.PUBLISHED
    client.logout()
    assert "Needs a check" in client.get(network.url).content.decode()


def test_staff_return_an_update_with_a_note_and_the_cochairs_are_told(
    client, network, cochair, staff, mailoutbox
):
    update = UpdateFactory(
        network=network,
        author=cochair,
        status=UpdateStatus.AWAITING_MODERATION,
        published_at=None,
    )
    client.force_login(staff)
    detail = reverse("networks_moderation_detail", kwargs={"pk": update.pk})
    empty = client.post(detail, {"action": "return", "note": ""})
    assert empty.status_code == 200 and "Enter a note" in empty.content.decode()
    client.post(detail, {"action": "return", "note": "Please remove the surname."})
    update.refresh_from_db()
    assert update.status == UpdateStatus.RETURNED
    call_command("run_outbox_worker", once=True)
    assert mailoutbox[-1].to == [cochair.email]
    assert "Please remove the surname." in mailoutbox[-1].body
    client.force_login(cochair)
    workspace = client.get(reverse("networks:workspace", kwargs={"slug": network.slug}))
    assert "Please remove the surname." in workspace.content.decode()


def test_editors_and_cochairs_cannot_moderate(client, network, cochair, editor):
    update = UpdateFactory(network=network, status=UpdateStatus.AWAITING_MODERATION)
    detail = reverse("networks_moderation_detail", kwargs={"pk": update.pk})
    for user in (editor, cochair):
        client.force_login(user)
        response = client.post(detail, {"action": "approve"})
        if user == editor:  # Wagtail turns PermissionDenied into a redirect home
            assert response.status_code == 302
            assert response["Location"] == "/admin/"
        else:  # no admin access at all: sent to their portal
            assert response.status_code == 302
            assert response["Location"] == "/portal/"
    update.refresh_from_db()
    assert update.status == UpdateStatus.AWAITING_MODERATION


def test_editing_keeps_revisions_and_withdrawing_hides(client, network, cochair):
    client.force_login(cochair)
    post_update(client, network, title="First title", publish="1")
    update = CoChairUpdate.objects.get()
    edit = reverse(
        "networks:update_edit", kwargs={"slug": network.slug, "pk": update.pk}
    )
    client.post(
        edit,
        {
            "title": "Second title",
            "body": "Changed",
            "visibility": "public",
            "publish": "1",
        },
    )
    assert list(update.revisions.values_list("title", flat=True)) == [
        "Second title",
        "First title",
    ]
    client.post(
        reverse(
            "networks:update_withdraw", kwargs={"slug": network.slug, "pk": update.pk}
        )
    )
    update.refresh_from_db()
    assert update.status == UpdateStatus.WITHDRAWN
    client.logout()
    assert "Second title" not in client.get(network.url).content.decode()
    assert client.get(edit).status_code == 302  # anonymous: sign in


def test_members_only_updates_reach_members_only(
    client, network, cochair, network_member, other_network_member
):
    UpdateFactory(network=network, author=cochair, title="For everyone")
    UpdateFactory(
        network=network, author=cochair, title="Members secret", visibility="members"
    )
    feed = reverse("networks:updates_feed", kwargs={"slug": network.slug})

    def sees(user, url):
        client.logout()
        if user:
            client.force_login(user)
        return "Members secret" in client.get(url).content.decode()

    assert not sees(None, network.url)
    assert not sees(other_network_member, network.url)
    assert sees(network_member, network.url)
    assert sees(cochair, network.url)
    # The feed is public: never the members-only update, whoever asks.
    assert not sees(network_member, feed)
    client.logout()
    feed_text = client.get(feed).content.decode()
    assert "For everyone" in feed_text
    assert not sees(None, "/sitemap.xml")
    search = client.get("/search/", {"q": "secret"})
    if search.status_code == 200:
        assert "Members secret" not in search.content.decode()


def test_update_body_is_rendered_through_the_sanitiser_even_if_stored_raw(
    client, network, cochair
):
    UpdateFactory(
        network=network, title="Raw", body='<p>ok</p><script>alert("x")</script>'
    )
    html = client.get(network.url).content.decode()
    assert '<script>alert("x")' not in html


def png_bytes():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


def test_optional_image_needs_a_description_and_must_be_a_real_image(
    client, network, cochair
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cochair)
    no_alt = post_update(
        client,
        network,
        publish="1",
        image=SimpleUploadedFile("walk.png", png_bytes(), "image/png"),
    )
    assert "Describe the image for people who cannot see it" in no_alt.content.decode()
    fake = post_update(
        client,
        network,
        publish="1",
        image_alt="A walk",
        image=SimpleUploadedFile("walk.png", b"<script>alert(1)</script>", "image/png"),
    )
    assert "Upload a JPEG, PNG or WebP image" in fake.content.decode()
    assert not CoChairUpdate.objects.exists()

    ok = post_update(
        client,
        network,
        title="With a picture",
        publish="1",
        image_alt="Members walking by the canal",
        image=SimpleUploadedFile("walk.png", png_bytes(), "image/png"),
    )
    assert ok.status_code == 302
    update = CoChairUpdate.objects.get()
    assert (
        update.image is not None and update.image.collection.name == "Network updates"
    )
    client.logout()
    assert (
        'alt="Members walking by the canal"' in client.get(network.url).content.decode()
    )


def test_editing_a_published_update_cannot_skip_moderation(client, network, cochair):
    network.moderate_updates = True
    network.save_revision().publish()
    update = UpdateFactory(network=network, author=cochair, title="Approved text")
    edit = reverse(
        "networks:update_edit", kwargs={"slug": network.slug, "pk": update.pk}
    )
    client.force_login(cochair)
    for button in ("draft", "publish"):
        client.post(
            edit,
            {
                "title": "Unchecked text",
                "body": "New",
                "visibility": "public",
                button: "1",
            },
        )
        update.refresh_from_db()
        assert update.status != UpdateStatus.PUBLISHED
        client.logout()
        assert "Unchecked text" not in client.get(network.url).content.decode()
        client.force_login(cochair)
