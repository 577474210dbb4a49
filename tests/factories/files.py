"""Upload contents for tests: a small real PNG, and a tiny PNG that claims to be huge."""

import io
import struct
import zlib

from PIL import Image as PILImage


def png_declaring(width, height):
    """A PNG of a few hundred bytes whose header claims width × height pixels; its image
    data stops far short of that."""

    def chunk(kind, data):
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 4096, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )


def small_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#1d70b8").save(buffer, "PNG")
    return buffer.getvalue()
