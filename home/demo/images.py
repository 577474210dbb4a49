"""Demo images: simple illustrations in the site's colours, drawn here with Pillow and
never downloaded."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

BRAND = (11, 93, 99)
BRAND_DARK = (7, 57, 61)
WARM = (244, 200, 90)
LIGHT = (243, 242, 241)


IMAGES = {
    "hero": (
        "Demo: two people talking at a table",
        "An illustration of two people sitting across a table in conversation.",
    ),
    "programme": (
        "Demo: coaching conversation",
        "An illustration of a coaching conversation between two people.",
    ),
    "network": (
        "Demo: network meeting",
        "An illustration of a circle of people at a regional network meeting.",
    ),
    "partners": (
        "Demo: six partners",
        "An illustration of six people standing together.",
    ),
    "support": (
        "Demo: leaders and partners learning together",
        "An illustration of a small group sharing ideas around a board.",
    ),
}


def _draw_people(draw, count, width, height, seed):
    spacing = width // (count + 1)
    for index in range(count):
        x = spacing * (index + 1)
        y = height // 2 + (index % 2) * 30 - 10
        colour = WARM if (index + seed) % 2 else LIGHT
        draw.ellipse((x - 45, y - 150, x + 45, y - 60), fill=colour)
        draw.rounded_rectangle(
            (x - 75, y - 45, x + 75, y + 200), radius=60, fill=colour
        )


def placeholder_image_bytes(key, size=(1200, 675)):
    """A simple, friendly illustration in the site's colours, as PNG bytes."""
    width, height = size
    image = PILImage.new("RGB", size, BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 3 // 4, width, height), fill=BRAND_DARK)
    counts = {"hero": 2, "programme": 2, "network": 5, "partners": 6, "support": 4}
    _draw_people(draw, counts.get(key, 3), width, height, seed=len(key))
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def portrait_bytes(initials, seed):
    image = PILImage.new("RGB", (400, 400), BRAND if seed % 2 else BRAND_DARK)
    draw = ImageDraw.Draw(image)
    draw.ellipse((130, 70, 270, 210), fill=WARM)
    draw.rounded_rectangle((90, 230, 310, 460), radius=90, fill=LIGHT)
    draw.text((20, 20), initials, fill=LIGHT)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(title, description, make_bytes, filename):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(BytesIO(make_bytes()), name=filename)
        image.save()
    return image


def ensure_images():
    return {
        key: ensure_image(
            title,
            description,
            lambda key=key: placeholder_image_bytes(key),
            f"demo-{key}.png",
        )
        for key, (title, description) in IMAGES.items()
    }
