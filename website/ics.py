"""The three pieces of RFC 5545 every calendar feed here needs (network meetings, events):
escaped text, folded lines and UTC times. Shared so the two feeds cannot drift apart."""

from datetime import UTC


def text(value):
    value = (value or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "")


def fold(line):
    """Lines over 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    raw = line.encode()
    parts = []
    while len(raw) > 75:
        cut = 75
        while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(raw[:cut].decode())
        raw = raw[cut:]
    parts.append(raw.decode())
    return "\r\n ".join(parts)


def time(value):
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
