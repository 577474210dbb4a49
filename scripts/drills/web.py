"""A drill's visitor: a small cookie-keeping HTTP client, form helpers and the enquiry
submissions the drills make concurrently."""

import html
import http.client
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from scripts.drills.common import (
    DEMO_PASSWORD,
    REFERENCE,
    TRACEBACK_MARKERS,
    django_json,
)


@dataclass
class Response:
    status: int
    headers: dict
    body: str
    seconds: float
    started: float = 0.0

    @property
    def location(self):
        return self.headers.get("location", "")


@dataclass
class Browser:
    """One visitor: keeps its own cookies (sent over loopback HTTP even when marked Secure)."""

    base: str
    cookies: dict = field(default_factory=dict)
    timeout: float = 30

    def __post_init__(self):
        parts = urlsplit(self.base)
        self.host, self.port = parts.hostname, parts.port
        self.base = f"http://{self.host}:{self.port}"

    def request(self, method, path, data=None):
        headers = {"Host": "127.0.0.1", "User-Agent": "voices-drill"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            content = raw.read().decode("utf-8", "replace")
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _, val = pair.partition("=")
                    if (
                        "expires=thu, 01 jan 1970" in value.lower()
                        or "max-age=0" in value.lower()
                    ):
                        self.cookies.pop(key.strip(), None)
                    else:
                        self.cookies[key.strip()] = val.strip()
            headers_out = {k.lower(): v for k, v in raw.getheaders()}
        finally:
            connection.close()
        return Response(
            raw.status, headers_out, content, time.monotonic() - started, started
        )

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def csrf_token(self):
        return next((v for k, v in self.cookies.items() if k.endswith("csrftoken")), "")

    def sign_in(self, email, password=DEMO_PASSWORD):
        page = self.get("/accounts/login/")
        token = hidden_value(page.body, "csrfmiddlewaretoken") or self.csrf_token()
        return self.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": email, "password": password},
        )

    def sign_out(self):
        page = self.get("/accounts/logout/")
        token = hidden_value(page.body, "csrfmiddlewaretoken") or self.csrf_token()
        return self.post("/accounts/logout/", {"csrfmiddlewaretoken": token})


def hidden_value(body, name):
    match = re.search(
        rf'name="{re.escape(name)}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{re.escape(name)}"',
        body,
    )
    if not match:
        return ""
    return html.unescape(match.group(1) or match.group(2) or "")


def first_option(body, name, radio=False):
    """The first real choice of a select or radio group on a rendered form."""
    if radio:
        match = (
            re.search(rf'type="radio"[^>]*name="{name}"[^>]*value="([^"]+)"', body)
            or re.search(rf'name="{name}"[^>]*type="radio"[^>]*value="([^"]+)"', body)
            or re.search(rf'value="([^"]+)"[^>]*name="{name}"[^>]*type="radio"', body)
        )
        return match.group(1) if match else ""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', body, re.S)
    if not select:
        return ""
    values = re.findall(r'<option value="([^"]+)"', select.group(1))
    return values[0] if values else ""


def leaks_traceback(body):
    return any(marker in body for marker in TRACEBACK_MARKERS)


# --- Enquiries ------------------------------------------------------------------------------


@dataclass
class EnquiryAttempt:
    marker: str
    form_status: int = 0
    post: Response | None = None
    reference: str = ""
    error: str = ""

    @property
    def acknowledged(self):
        return bool(self.reference)


def enquiry_form(browser, marker):
    """Fetch /enquire/ and fill it in as a person would; returns the POST data (or None)."""
    page = browser.get("/enquire/")
    if page.status != 200:
        return page, None
    body = page.body
    data = {
        "csrfmiddlewaretoken": hidden_value(body, "csrfmiddlewaretoken")
        or browser.csrf_token(),
        "form_token": hidden_value(body, "form_token"),
        "full_name": "Drill Leader",
        "email": f"leader-{marker[:12]}@example.org",
        "phone": "",
        "job_title": "Director of Nursing",
        "organisation": "Drill Trust",
        "organisation_type": first_option(body, "organisation_type", radio=True),
        "region": first_option(body, "region"),
        "enquiry_type": first_option(body, "enquiry_type", radio=True),
        "message": f"We would like to talk about co-production. Drill marker {marker}.",
        "heard_about": "",
        "access_needs": "",
        "consent": "on",
        "website": "",
    }
    return page, data


def submit_enquiry(browser, marker=None, wait=3.3):
    """The whole journey: form, a human pause past ENQUIRY_MIN_SECONDS, POST, confirmation."""
    attempt = EnquiryAttempt(marker or uuid.uuid4().hex)
    try:
        page, data = enquiry_form(browser, attempt.marker)
        attempt.form_status = page.status
        if data is None:
            attempt.error = f"form answered {page.status}"
            return attempt
        time.sleep(wait)
        attempt.post = browser.post("/enquire/", data)
        if attempt.post.status == 302:
            thanks = browser.get(attempt.post.location)
            match = REFERENCE.search(thanks.body)
            attempt.reference = match.group(0) if match and thanks.status == 200 else ""
            if not attempt.reference:
                attempt.error = (
                    f"confirmation answered {thanks.status} without a reference"
                )
        else:
            attempt.error = f"POST answered {attempt.post.status}"
    except OSError as exc:
        attempt.error = f"{type(exc).__name__}: {exc}"
    return attempt


def run_concurrently(task, count, workers):
    """Run `task(i)` `count` times on `workers` threads; returns the results in order."""
    results = [None] * count
    lock = threading.Lock()
    next_index = [0]

    def worker():
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= count:
                return
            results[index] = task(index)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def enquiry_markers_in_database(env, markers):
    """How many stored enquiries carry each marker (reconciling acknowledged submissions)."""
    code = (
        "from members.enquiries.models import Enquiry\n"
        f"markers = {list(markers)!r}\n"
        "counts = {m: Enquiry.objects.filter(message__contains=m).count() for m in markers}\n"
        "print(json.dumps(counts))\n"
    )
    return django_json(env, code)


def wait_for_status(url, status=200, seconds=60):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = Browser(url).get(urlsplit(url).path).status
            if last == status:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer {status} within {seconds}s (last {last})")
