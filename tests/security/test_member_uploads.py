"""The one member-facing upload: a co-chair's photo on a network update (checklist UP-4).

Photos go into Wagtail's image library, whose files and renditions anyone with the link can
fetch. So the upload is held to the editors' limits (UP-1) without ever being decoded past
them, is stored under a random name, and is allowed only on public updates.
"""

import importlib
import inspect
import pkgutil

import pytest
from django import forms as django_forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

import members
import networks
from networks.models import CoChairUpdate
from tests.factories import UserFactory
from tests.factories.files import png_declaring, small_png
from tests.factories.networks import CoChairFactory, make_network

pytestmark = pytest.mark.django_db

UNREADABLE = "We could not read this picture. Try saving it again as JPEG or PNG."
PUBLIC_ONLY = (
    "Photos can only go on public updates, because pictures on this site can be seen by "
    "anyone with the link."
)
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


@pytest.fixture
def network(home_page):
    return make_network(home_page, "west-midlands", moderate_updates=False)


@pytest.fixture
def cochair(network, client):
    user = UserFactory(email="cochair@example.org", groups=["Members"])
    CoChairFactory(network=network, user=user)
    client.force_login(user)
    return user


def post_update(client, network, name, content, update=None, **fields):
    data = {
        "title": "Canal walk",
        "body": "We walked along the canal.",
        "visibility": "public",
        "image_alt": "Members walking by the canal",
        "publish": "1",
        **fields,
    }
    if content is not None:
        data["image"] = SimpleUploadedFile(name, content, "image/png")
    if update is None:
        url = reverse("networks:update_create", kwargs={"slug": network.slug})
    else:
        url = reverse(
            "networks:update_edit", kwargs={"slug": network.slug, "pk": update.pk}
        )
    return client.post(url, data)


def refused(response, message):
    """The form came back with the message and nothing was stored."""
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CoChairUpdate.objects.exists()
    assert not get_image_model().objects.exists()
    return True


@pytest.mark.parametrize(
    "width, height",
    [
        pytest.param(8000, 6000, id="48-megapixels"),
        pytest.param(10000, 10000, id="100-megapixels"),
        pytest.param(20000, 20000, id="400-megapixels"),
    ],
)
def test_up4_cochair_photo_bomb_png_is_refused_with_a_form_error(
    client, network, cochair, width, height, monkeypatch
):
    # The header alone decides: decoding it would be the attack.
    monkeypatch.setattr(
        PILImage.Image, "load", lambda self: pytest.fail("a bomb was decoded")
    )
    bomb = png_declaring(width, height)
    assert len(bomb) < 1024

    response = post_update(client, network, "bomb.png", bomb)

    assert refused(response, "This picture is too large")
    assert "the most is 40 million" in response.content.decode()


def test_up4_cochair_truncated_png_is_a_form_error_not_a_server_error(
    client, network, cochair
):
    response = post_update(client, network, "cut-off.png", png_declaring(400, 300))

    assert refused(response, UNREADABLE)


@pytest.mark.parametrize(
    "name, content",
    [
        pytest.param("drawing.svg", SVG, id="svg"),
        pytest.param("drawing.png", SVG, id="svg-renamed-png"),
        pytest.param(
            "page.png", b"<!doctype html><script>alert(1)</script>", id="html"
        ),
    ],
)
def test_up4_cochair_cannot_upload_svg_or_other_non_photos(
    client, network, cochair, name, content
):
    response = post_update(client, network, name, content)

    assert refused(response, "Upload a JPEG, PNG or WebP image")


def test_up4_stored_photo_has_a_random_name_not_the_uploaded_one(
    client, network, cochair
):
    response = post_update(client, network, "Jo-Bloggs-at-home.JPG.png", small_png())

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert "bloggs" not in image.file.name.lower()
    assert "bloggs" not in image.title.lower()
    stored = image.file.name.rsplit("/", 1)[-1]
    stem, extension = stored.rsplit(".", 1)
    assert extension == "png"
    assert len(stem) == 32 and int(stem, 16) >= 0
    rendition = image.get_rendition("width-640")
    assert "bloggs" not in rendition.url.lower()
    # Two uploads of the same file never share a name.
    post_update(client, network, "Jo-Bloggs-at-home.JPG.png", small_png())
    names = {i.file.name for i in get_image_model().objects.all()}
    assert len(names) == 2


def test_up4_photo_on_a_members_only_update_is_refused(client, network, cochair):
    response = post_update(
        client, network, "walk.png", small_png(), visibility="members"
    )

    assert refused(response, PUBLIC_ONLY)


def test_up4_public_update_with_photo_cannot_become_members_only_keeping_it(
    client, network, cochair
):
    assert post_update(client, network, "walk.png", small_png()).status_code == 302
    update = CoChairUpdate.objects.get()

    kept = post_update(client, network, "", None, update=update, visibility="members")

    assert kept.status_code == 200
    assert PUBLIC_ONLY in kept.content.decode()
    update.refresh_from_db()
    assert update.visibility == "public" and update.image_id is not None

    removed = post_update(
        client,
        network,
        "",
        None,
        update=update,
        visibility="members",
        remove_image="on",
        image_alt="",
    )

    assert removed.status_code == 302
    update.refresh_from_db()
    assert update.visibility == "members" and update.image_id is None


def test_up4_members_only_update_never_shows_an_old_photo(client, network, cochair):
    """An update made members-only before this rule may still point at a photo."""
    assert post_update(client, network, "walk.png", small_png()).status_code == 302
    CoChairUpdate.objects.update(visibility="members")

    page = client.get(network.url).content.decode()

    assert "Canal walk" in page
    assert 'alt="Members walking by the canal"' not in page


def test_up4_small_png_on_a_public_update_shows_on_the_network_page(
    client, network, cochair
):
    response = post_update(client, network, "walk.png", small_png())

    assert response.status_code == 302
    update = CoChairUpdate.objects.get()
    assert update.image.collection.name == "Network updates"
    assert (update.image.width, update.image.height) == (40, 30)
    client.logout()
    page = client.get(network.url).content.decode()
    assert 'alt="Members walking by the canal"' in page
    assert update.image.get_rendition("width-640").url in page


def _member_facing_form_classes():
    for package in (members, networks):
        for module_info in pkgutil.walk_packages(
            package.__path__, package.__name__ + "."
        ):
            if ".migrations" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, django_forms.BaseForm) and cls.__module__ == (
                    module.__name__
                ):
                    yield cls


# field path: why it may take a file
ALLOWED_FILE_FIELDS = {
    # A co-chair's photo on a public update. Checked by header before decoding, stored
    # under a random name, refused on members-only updates (the tests above).
    "networks.forms.UpdateForm.image",
    # An event organiser's paper or minutes: extension allow-list, size limit and contents
    # checked against the extension, stored under a random name outside public media, and
    # downloaded only through a view that checks who may read it (tests/members/events
    # /test_papers.py).
    "members.events.forms.PaperForm.file",
    # A receipt for an expense: JPEG, PNG or PDF by its bytes, 5 MB, pixels read from the
    # header before anything decodes it, stored under a random name, and read only by the
    # claimant and staff who handle claims (tests/members/payments/test_payment_pages.py).
    "members.payments.forms.ExpenseForm.receipt",
}


def test_up4_no_other_member_facing_form_accepts_files():
    classes = set(_member_facing_form_classes())
    assert any(cls.__name__ == "UpdateForm" for cls in classes)

    file_fields = {
        f"{cls.__module__}.{cls.__qualname__}.{name}"
        for cls in classes
        for name, field in cls.base_fields.items()
        if isinstance(field, django_forms.FileField)
    }

    assert file_fields == ALLOWED_FILE_FIELDS


def test_up5_cochair_photo_on_full_storage_is_a_form_error_and_nothing_is_saved(
    client, network, cochair, monkeypatch
):
    import errno

    from django.core.files.storage import InMemoryStorage

    def refuse(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryStorage, "_save", refuse)
    response = post_update(client, network, "walk.png", small_png())
    assert refused(response, "file storage for this site is full or unavailable")
