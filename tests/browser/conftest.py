"""Browser journeys: one demo site, one Chromium, one screenshot folder per test session.

The site runs as a real server process (`manage.py runserver`, test settings) on a free
127.0.0.1 port against its own copy of a SQLite file built with `migrate` and `load_demo`
(once per test run), so the journeys see exactly what a visitor to `make run` would. Debian's Chromium is driven by
Playwright; no browser is ever downloaded.
"""

import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pypdfium2
import pytest
from axe_playwright_python.sync_playwright import Axe
from filelock import FileLock
from playwright.sync_api import sync_playwright

from tests import migrated

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DEMO_PASSWORD = "voices-demo-2026"
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveSite:
    """The running demo site and a read-only view of its database (for emailed codes)."""

    def __init__(self, url, db_path):
        self.url = url
        self.db_path = db_path

    def __call__(self, path="/"):
        return self.url + path

    def query(self, sql, params=()):
        with sqlite3.connect(self.db_path) as conn:
            return conn.execute(sql, params).fetchall()

    def last_email_to(self, address):
        rows = self.query(
            "SELECT subject, message FROM post_office_email "
            'WHERE lower("to") LIKE ? ORDER BY id DESC LIMIT 1',
            (f"%{address.lower()}%",),
        )
        return rows[0] if rows else None

    def login_code_for(self, address):
        email = self.last_email_to(address)
        assert email, f"no email to {address} in the outbox"
        match = re.search(r"\b([A-Z0-9]{6})\b", email[1])
        assert match, f"no sign-in code in: {email[1][:300]}"
        return match.group(1)


def server_environment(folder):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'browser.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "BROWSER_TEST_SERVER": "1",
    }


def demo_site(shared):
    """A folder with the demo database and its media, built once per test run (the first
    worker builds it under a lock, from the run's migrated copy, tests/migrated.py)."""
    folder = shared / "browser-demo"
    with FileLock(str(shared / "browser-demo.lock")):
        if not (folder / "done").exists():
            folder.mkdir(exist_ok=True)
            migrated.copy_sqlite(folder / "browser.sqlite3")
            for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
                subprocess.run(
                    [*MANAGE, *command],
                    cwd=ROOT,
                    env=server_environment(folder),
                    check=True,
                    timeout=300,
                )
            (folder / "done").touch()
    return folder


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """This worker's own copy of the demo site, served on a free port."""
    workdir = tmp_path_factory.mktemp("live-site")
    demo = demo_site(migrated.shared_folder(tmp_path_factory))
    shutil.copyfile(demo / "browser.sqlite3", workdir / "browser.sqlite3")
    if (demo / "media").exists():
        shutil.copytree(demo / "media", workdir / "media")
    db_path = workdir / "browser.sqlite3"
    env = server_environment(workdir)
    port = free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [*MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError("the test server did not start; see " + str(log.name))
        time.sleep(0.3)
    yield LiveSite(url, db_path)
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Pages in contexts of their own (another person, another screen width), closed
    after the test: `new_page(width=360)`."""
    contexts = []

    def make(width=1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(browser, live_site):
    """A fresh browser context per test; fails the test if any request leaves 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(
                ("http://127.0.0.1", "data:", "blob:", "about:")
            )
            else None
        ),
    )
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert outside == [], f"requests left the machine: {outside}"
    assert csp_errors == [], f"CSP violations: {csp_errors}"


_axe = Axe()


def assert_accessible(page, label=""):
    """Run axe-core for WCAG 2.0/2.1/2.2 A and AA; print each violation clearly if any."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if results.violations_count:
        lines = [
            f"axe found {results.violations_count} violation(s) on {label or page.url}:"
        ]
        for violation in results.response["violations"]:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            lines.append(
                f"- {violation['id']}: {violation['help']} ({violation['helpUrl']}) at {targets}"
            )
        pytest.fail("\n".join(lines))


def screenshot(page, name):
    """Save the page at desktop and 360 px widths into test-screenshots/ (ignored by git)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")
    original = page.viewport_size
    page.screenshot(path=str(SCREENSHOTS / f"{safe}-desktop.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 800})
    page.screenshot(path=str(SCREENSHOTS / f"{safe}-360.png"), full_page=True)
    page.set_viewport_size(original)


def picture_pdf(content, name):
    """Save each page of a PDF the site made as a PNG beside the screenshots, to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    document = pypdfium2.PdfDocument(content)
    for number in range(len(document)):
        picture = document[number].render(scale=1.5).to_pil()
        picture.save(SCREENSHOTS / f"{name}-page-{number + 1}.png")
    document.close()


def assert_no_horizontal_scroll(page):
    """At 320 CSS px nothing may need sideways scrolling (WCAG 1.4.10 reflow)."""
    original = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 800})
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    page.set_viewport_size(original)
    assert widths[0] <= widths[1], (
        f"page is {widths[0]}px wide in a {widths[1]}px viewport"
    )


def sign_in(page, live_site, email, password=DEMO_PASSWORD, next_path="/portal/"):
    """Fill the sign-in form by field name: the page also has a "Sign in without a
    password" section, so the label "Password" alone is ambiguous. With no next_path
    the site chooses where to land (the admin for staff). Waits for the answer
    to load, so what a test reads next is the page after signing in, never the form."""
    page.goto(
        live_site("/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    )
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in", exact=True).click()


# Keyboard, focus and structure checks (issue 9). Each check asserts what a keyboard or
# screen reader user would notice, and says which element is at fault.

FOCUS_STYLE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  const label = (el.tagName + ' ' + (el.id ? '#' + el.id + ' ' : '') +
    (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 60));
  return {visible: outline || shadow, label: label};
}"""


def focused_text(page):
    """The focused element's accessible-ish name: its text, label or value."""
    return page.evaluate(
        """() => { const el = document.activeElement;
        return ((el.getAttribute('aria-label') || el.innerText || el.value || '') + ' ' +
          Array.from(el.labels || []).map(l => l.innerText).join(' ')).trim(); }"""
    )


def tab_to(page, pattern, limit=80, backwards=False):
    """Press Tab (or Shift+Tab) until the focused element's name matches `pattern`,
    checking on each step that focus can be seen."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STYLE_JS)
        if state:
            assert state["visible"], (
                f"no visible focus on {state['label']} at {page.url}"
            )
        if re.search(pattern, focused_text(page), re.I):
            return
    pytest.fail(f"{limit} presses of {key} never reached {pattern!r} on {page.url}")


def assert_keyboard_basics(page, tabs=15):
    """First Tab reaches the skip link, and focus stays visible over the next few stops."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.keyboard.press("Tab")
    assert focused_text(page) == "Skip to main content", (
        f"first Tab reached {focused_text(page)!r}, not the skip link, on {page.url}"
    )
    for _ in range(tabs):
        state = page.evaluate(FOCUS_STYLE_JS)
        if state:
            assert state["visible"], (
                f"no visible focus on {state['label']} at {page.url}"
            )
        page.keyboard.press("Tab")


STRUCTURE_JS = """() => {
  const problems = [];
  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(h1s.length + ' <h1> elements');
  const main = document.querySelector('main');
  if (!main) problems.push('no <main> landmark');
  if (!document.querySelector('header, [role=banner]')) problems.push('no banner landmark');
  if (!document.querySelector('footer, [role=contentinfo]')) problems.push('no contentinfo landmark');
  if (!document.querySelector('nav, [role=navigation]')) problems.push('no navigation landmark');
  if (main) {
    let previous = 1;
    for (const h of main.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (h.closest('[hidden]')) continue;
      const level = Number(h.tagName[1]);
      if (level > previous + 1) problems.push('heading level skipped before "' + h.textContent.trim().slice(0, 50) + '" (h' + previous + ' to h' + level + ')');
      previous = level;
    }
  }
  const fields = document.querySelectorAll('main input:not([type=hidden]):not([type=submit]):not([type=button]), main select, main textarea');
  for (const el of fields) {
    const named = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!named) problems.push('no label for field ' + (el.name || el.id));
    const wrapper = el.closest('.field');
    if (!wrapper) continue;
    const described = ((el.getAttribute('aria-describedby') || '') + ' ' +
      ((el.closest('fieldset') || {getAttribute: () => ''}).getAttribute('aria-describedby') || '')).split(/\\s+/);
    for (const note of wrapper.querySelectorAll(':scope > .field__hint[id], :scope > .field__error[id], :scope > fieldset > .field__hint[id], :scope > fieldset > .field__error[id]')) {
      if (!described.includes(note.id)) problems.push('field ' + (el.name || el.id) + ' is not described by #' + note.id);
    }
  }
  const hasErrors = document.querySelector('.error-summary, [data-error-summary], .field__error');
  if (hasErrors && !document.title.startsWith('Error:')) problems.push('form shows errors but the title is "' + document.title + '"');
  return problems;
}"""


def assert_structure(page, label=""):
    """One h1, no skipped heading levels in main, landmarks, labelled and described
    fields, and an "Error:" title when a form shows errors."""
    problems = page.evaluate(STRUCTURE_JS)
    assert problems == [], f"structure problems on {label or page.url}: {problems}"
