"""The client's address for rate limits: X-Forwarded-For is believed only as far as
TRUSTED_PROXY_COUNT, junk falls back to REMOTE_ADDR, and the entry chosen is the one allauth
chooses for its own rate limits (compared here, the only place allauth's internals are used)."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from website import client_address, spam

PROXY = "10.0.0.2"  # REMOTE_ADDR behind a proxy: the proxy's own address


def request_from(remote_addr=PROXY, forwarded_for=None):
    headers = {} if forwarded_for is None else {"x-forwarded-for": forwarded_for}
    return RequestFactory(headers=headers).get("/", REMOTE_ADDR=remote_addr)


def test_without_a_proxy_a_forged_forwarded_for_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    request = request_from("203.0.113.9", forwarded_for="198.51.100.7")
    assert client_address.client_ip(request) == "203.0.113.9"


def test_behind_one_proxy_the_right_most_entry_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = request_from(forwarded_for="1.2.3.4, 198.51.100.7")
    assert client_address.client_ip(request) == "198.51.100.7"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 2
    request = request_from(forwarded_for="1.2.3.4, 198.51.100.7, 10.0.0.3")
    assert client_address.client_ip(request) == "198.51.100.7"


@pytest.mark.parametrize(
    "proxies, header",
    [
        (1, "unknown"),
        (1, "1.2.3.4, <script>"),
        (1, "198.51.100.7 198.51.100.8"),
        (1, "example.org:443"),
        (1, "999.1.1.1"),
        (2, "198.51.100.7"),  # fewer entries than proxies
        (3, ",,"),
    ],
)
def test_a_garbage_header_falls_back_to_the_proxy_address(settings, proxies, header):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    assert client_address.client_ip(request_from(forwarded_for=header)) == PROXY


def test_spam_checks_share_one_bucket_when_there_is_no_address(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    assert spam.client_ip(request_from(remote_addr="")) == "unknown"
    assert spam.client_ip(request_from("2001:DB8::9")) == "2001:db8::9"


# (trusted proxies, X-Forwarded-For or None for no header, REMOTE_ADDR, the client's address)
SAME_AS_ALLAUTH = [
    (0, None, "203.0.113.9", "203.0.113.9"),
    (0, "198.51.100.7", "203.0.113.9", "203.0.113.9"),
    (0, None, "::1", "::1"),
    (0, None, "", None),
    (1, None, PROXY, PROXY),
    (1, "", PROXY, PROXY),
    (1, "198.51.100.7", PROXY, "198.51.100.7"),
    (1, "1.2.3.4, 198.51.100.7", PROXY, "198.51.100.7"),
    (1, " 198.51.100.7 ", PROXY, "198.51.100.7"),
    (1, "1.2.3.4,198.51.100.7", PROXY, "198.51.100.7"),
    (1, "198.51.100.7:51234", PROXY, "198.51.100.7"),
    (1, "2001:DB8::7", PROXY, "2001:db8::7"),
    (1, "[2001:db8::7]:443", PROXY, "2001:db8::7"),
    (1, "1.2.3.4,", PROXY, PROXY),  # an empty last entry: REMOTE_ADDR, as allauth
    (2, "1.2.3.4, 198.51.100.7, 10.0.0.3", PROXY, "198.51.100.7"),
    (2, "198.51.100.7, 10.0.0.3", PROXY, "198.51.100.7"),
    (3, "9.9.9.9, 198.51.100.7, 10.0.0.4, 10.0.0.3", PROXY, "198.51.100.7"),
]

# Where allauth gives up, we answer REMOTE_ADDR: (proxies, header, what allauth does).
ALLAUTH_GIVES_UP = [
    (1, "unknown", None),
    (1, "1.2.3.4, <script>", None),
    (1, "[::1]", None),
    (2, "198.51.100.7", ImproperlyConfigured),
]


def allauth_client_ip(request):
    from allauth.core.internal.httpkit import get_client_ip

    return get_client_ip(request)


@pytest.fixture
def allauth_reads_forwarded_for(settings):
    """allauth could be told to read another header instead; then the two would differ."""
    assert getattr(settings, "ALLAUTH_TRUSTED_CLIENT_IP_HEADER", None) is None, (
        "ALLAUTH_TRUSTED_CLIENT_IP_HEADER is set: website/client_address.py reads "
        "X-Forwarded-For only, so allauth's rate limits and ours would count different "
        "addresses"
    )


@pytest.mark.parametrize("proxies, header, remote_addr, expected", SAME_AS_ALLAUTH)
def test_agrees_with_allauth(
    settings, allauth_reads_forwarded_for, proxies, header, remote_addr, expected
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = request_from(remote_addr, forwarded_for=header)
    assert client_address.client_ip(request) == expected
    assert allauth_client_ip(request) == expected, (
        "allauth now picks a different client address from this header: allauth's rate "
        "limits and website/client_address.py no longer agree; bring ours in line"
    )


@pytest.mark.parametrize("proxies, header, allauth_gives", ALLAUTH_GIVES_UP)
def test_where_allauth_gives_up_we_answer_the_proxy_address(
    settings, allauth_reads_forwarded_for, proxies, header, allauth_gives
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    request = request_from(forwarded_for=header)
    assert client_address.client_ip(request) == PROXY
    message = (
        "allauth now treats a malformed X-Forwarded-For differently: check that "
        "website/client_address.py still makes the same choice where it can"
    )
    try:
        allauth_result = allauth_client_ip(request)
    except ImproperlyConfigured:
        allauth_result = ImproperlyConfigured
    assert allauth_result is allauth_gives, message


def test_the_client_address_comes_from_one_place():
    root = Path(__file__).resolve().parents[2]
    uses = [
        str(path.relative_to(root))
        for app in ("website", "home", "members", "networks")
        for path in (root / app).rglob("*.py")
        if "httpkit" in path.read_text()
    ]
    assert uses == [], "use website.client_address.client_ip instead"
