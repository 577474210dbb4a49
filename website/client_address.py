"""The client's IP address, believing X-Forwarded-For only as far as our own proxies.

`TRUSTED_PROXY_COUNT` (read into the `ALLAUTH_TRUSTED_PROXY_COUNT` setting, so allauth's rate
limits and ours count the same address) says how many proxies stand in front of the site.
Each appends the address it was sent the request from to X-Forwarded-For, so the entry that
many places from the right is what our outermost proxy saw; anything left of it the client
could have written. With no proxy the header is ignored: anyone can send one.

The entry chosen is allauth's (`tests/website/test_client_address.py` compares the two on a
table of headers). Where allauth gives up (a header with fewer entries than proxies, or an
entry that is not an address) this answers REMOTE_ADDR, the nearest proxy: one shared rate
limit bucket rather than an error or one a client could choose.

    ip = client_address.client_ip(request)  # "198.51.100.7"; None without REMOTE_ADDR
"""

import ipaddress

from django.conf import settings


def trusted_proxy_count():
    return getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0)


def client_ip(request):
    """The client's address, normalised ("2001:db8::1"), or None if there is none."""
    count = trusted_proxy_count()
    if count > 0:
        entries = request.headers.get("x-forwarded-for", "").split(",")
        if len(entries) >= count and (ip := parse_address(entries[-count])):
            return ip
    return parse_address(request.META.get("REMOTE_ADDR", ""))


def parse_address(text):
    """An IPv4 or IPv6 address, with any port ("192.0.2.1:8080", "[2001:db8::1]:443")
    taken off; None for anything else."""
    text = text.strip()
    host, colon, port = text.rpartition(":")
    if colon and port.isascii() and port.isdigit():
        if host.startswith("[") and host.endswith("]"):
            text = host[1:-1]
        elif ":" not in host:  # IPv4 with a port; a bare IPv6 address has colons
            text = host
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None
