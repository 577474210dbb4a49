"""IV-2: script-like text typed into every user-writable form stays inert on every screen.

A leader sends a public enquiry, a new member fills in their profile, asks to join a network,
shares a short bio and expresses interest in an opportunity, and a co-chair posts a public
and a members-only update; every one of them types XSS and template payloads. Then visitors,
the member, the co-chair and programme staff (in the Wagtail admin) open every screen that
shows that text. Each browser records any JavaScript dialog; none may ever open, no injected
element or `javascript:` link may exist, and plain-text fields must show the payload as the
characters that were typed.
"""

import re
import time
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import sign_in

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
SVG = '"><svg onload=alert(3)>'
JS_URL = "javascript:alert(4)"
TEMPLATE = "{{7*7}}"
ALL = f"{SCRIPT} {IMG} {SVG} {JS_URL} {TEMPLATE}"

NETWORK_TITLE = "West Midlands Regional Co-production Network"
NETWORK = "/networks/west-midlands/"
WORKSPACE = "/portal/networks/west-midlands/"
OPPORTUNITY = "/opportunities/members-reference-group-portal/"
NEW_PASSWORD = "harbour lantern violet spoon"

# Anything a payload would create if the browser parsed it as markup.
INJECTED_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll('[onerror], [onload], img[src="x"], svg[onload]')) {
    found.push(el.outerHTML.slice(0, 120));
  }
  for (const a of document.querySelectorAll('a[href], area[href], iframe[src], form[action]')) {
    const url = (a.getAttribute('href') || a.getAttribute('src') || a.getAttribute('action') || '');
    if (/^\\s*javascript:/i.test(url)) found.push(a.outerHTML.slice(0, 120));
  }
  for (const s of document.querySelectorAll('script')) {
    if (/alert\\(/.test(s.textContent)) found.push('script: ' + s.textContent.slice(0, 80));
  }
  return found;
}"""


class Watched:
    """Browser contexts whose pages record dialogs, CSP reports and off-machine requests."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts = []
        self.dialogs = []
        self.csp = []
        self.outside = []

    def new_page(self):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900})
        self.contexts.append(context)
        page = context.new_page()
        page.on("dialog", self._dialog)
        page.on(
            "console",
            lambda message: (
                self.csp.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                self.outside.append(request.url)
                if not request.url.startswith(
                    ("http://127.0.0.1", "data:", "blob:", "about:")
                )
                else None
            ),
        )
        return page

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def watched(browser):
    watched = Watched(browser)
    yield watched
    watched.close()


def assert_inert(page, label, *shown):
    """No dialog-capable markup on the page, and each plain-text payload shown as typed."""
    page.wait_for_load_state("load")
    injected = page.evaluate(INJECTED_JS)
    assert injected == [], f"payload became markup on {label} ({page.url}): {injected}"
    text = page.locator("body").inner_text()
    for expected in shown:
        assert expected in text, (
            f"{expected!r} is not shown as text on {label} ({page.url})"
        )
    # Template syntax is never evaluated: 7*7 must not have turned into 49 where it was typed.
    if TEMPLATE in shown:
        assert TEMPLATE in text


def visit(page, live_site, path, label, *shown):
    response = page.goto(live_site(path))
    assert response.status == 200, f"{label} answered {response.status}"
    assert_inert(page, label, *shown)


def send_enquiry(page, live_site, email):
    page.goto(live_site("/enquire/"))
    rendered_at = time.monotonic()
    page.fill("#id_full_name", f"Pat {IMG}")
    page.fill("#id_email", email)
    page.fill("#id_job_title", SVG)
    page.fill("#id_organisation", f"Trust {TEMPLATE}")
    page.check("#id_organisation_type_0")
    page.select_option("#id_region", label="West Midlands")
    page.check("#id_enquiry_type_0")
    page.select_option("#id_network", label=NETWORK_TITLE)
    page.fill("#id_message", f"Please help.\n{ALL}")
    page.fill("#id_heard_about", JS_URL)
    page.fill("#id_access_needs", SCRIPT)
    page.check("#id_consent")
    # The form refuses anything sent within 3 seconds of rendering; a person is slower.
    time.sleep(max(0, 3.5 - (time.monotonic() - rendered_at)))
    with page.expect_navigation():
        page.locator(".enquiry-form button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    assert summary.count() == 0, f"the enquiry was refused: {summary.inner_text()}"
    assert page.url.endswith("/enquire/thank-you/")
    return re.search(r"ENQ-\d{4}-\d{5}", page.content()).group(0)


def invitation_link(live_site, email):
    message = live_site.last_email_to(email)
    assert message, f"no invitation email to {email}"
    match = re.search(r"https?://\S+?(/invitations/\S+?/)", message[1])
    assert match, message[1]
    return live_site(match.group(1))


def test_iv2_stored_payloads_never_open_a_dialog_on_any_screen(live_site, watched):
    marker = uuid.uuid4().hex[:8]
    member_email = f"iv2-{marker}@example.org"
    leader_email = f"iv2-leader-{marker}@example.org"
    member_name = f"Jo {IMG}"
    public_title = f"Open meeting {SVG} {TEMPLATE} {marker}"
    members_title = f"Members agenda {IMG} {marker}"

    # 1. A leader sends the public enquiry, routed to the West Midlands network.
    leader = watched.new_page()
    reference = send_enquiry(leader, live_site, leader_email)
    assert_inert(leader, "enquiry confirmation", reference)

    # 2. Programme staff invite a new member, who sets up their account and profile.
    staff = watched.new_page()
    sign_in(staff, live_site, "staff@example.org", next_path="/admin/")
    staff.goto(live_site("/admin/members-accounts/invite/"))
    staff.get_by_label("Email addresses").fill(member_email)
    staff.get_by_role("button", name="Send invitations").click()
    staff.wait_for_url(re.compile(r"/admin/members/invitation/"))

    member = watched.new_page()
    member.goto(invitation_link(live_site, member_email))
    member.get_by_label("What should we call you?").fill(member_name)
    member.get_by_label("Create a password").fill(NEW_PASSWORD)
    member.get_by_label("Type the password again").fill(NEW_PASSWORD)
    member.get_by_label("I have read the privacy notice").check()
    member.get_by_role("button", name="Create my account").click()
    expect(member).to_have_url(re.compile(r"/portal/$"))
    assert_inert(member, "new member's dashboard", f"Hello, {member_name}")

    member.goto(live_site("/portal/profile/edit/"))
    member.get_by_label("Pronouns").fill(TEMPLATE)
    member.get_by_role("combobox", name=re.compile("^Region")).select_option(
        label="West Midlands"
    )
    member.get_by_label("Organisation").fill(SVG)
    member.get_by_label("About you").fill(ALL)
    member.get_by_label("Phone number").fill(JS_URL)
    member.get_by_label("Access needs and reasonable adjustments").fill(ALL)
    member.get_by_label("I agree that Voices may keep").check()
    member.get_by_role("button", name="Save your profile").click()
    expect(member).to_have_url(re.compile(r"/portal/profile/(#.*)?$"))
    assert_inert(member, "profile", ALL, SVG, TEMPLATE, JS_URL)

    # 3. The member asks to join the network, with a note for the co-chairs.
    member.goto(live_site(WORKSPACE + "join/"))
    member.get_by_label("Anything you would like the co-chairs to know").fill(ALL)
    member.get_by_role("button", name="Send my request").click()
    member.wait_for_url(re.compile(re.escape(NETWORK) + "$"))
    assert_inert(member, "network page after asking to join")

    # 4. The member expresses interest in an opportunity.
    member.goto(live_site(OPPORTUNITY))
    member.get_by_role("link", name="Express interest").click()
    member.get_by_label("Why are you interested?").fill(ALL)
    member.get_by_label("Relevant experience").fill(SVG)
    member.get_by_label("When are you available?").fill(TEMPLATE)
    member.get_by_label("Access needs for this opportunity").fill(SCRIPT)
    member.get_by_role("button", name="Send my interest").click()
    expect(member.locator(".messages")).to_contain_text("waiting for review")
    assert_inert(member, "interest detail", ALL, TEMPLATE)
    interest_path = member.url.removeprefix(live_site(""))

    # 5. The co-chair sees the request and the enquiry, approves the member and posts
    #    a public and a members-only update.
    cochair = watched.new_page()
    sign_in(cochair, live_site, "cochair@example.org", next_path=WORKSPACE)
    cochair.wait_for_url(re.compile(re.escape(WORKSPACE) + "$"))
    assert_inert(cochair, "co-chair workspace", ALL, member_name, reference)
    cochair.get_by_role("link", name=reference).click()
    assert_inert(
        cochair,
        "co-chair enquiry detail",
        f"Pat {IMG}, {SVG}, Trust {TEMPLATE}",
        ALL,
    )
    cochair.goto(live_site(WORKSPACE))
    request = cochair.locator("li.request", has_text=member_name)
    with cochair.expect_navigation():
        request.get_by_role("button", name=re.compile("^Approve")).click()
    assert_inert(cochair, "workspace after approving", f"{member_name} is now a member")

    for title, body, audience in (
        (
            public_title,
            f'Read <a href="{JS_URL}">the notes</a> first. {SCRIPT} {IMG} {TEMPLATE}',
            "Everyone (public)",
        ),
        (
            members_title,
            f"{SVG} then [the agenda]({JS_URL}) and {TEMPLATE}",
            "Network members only",
        ),
    ):
        cochair.goto(live_site(WORKSPACE))
        cochair.get_by_role("link", name="Write an update").click()
        cochair.get_by_label("Title").fill(title)
        cochair.get_by_label("Text of the update").fill(body)
        cochair.get_by_label(audience).check()
        with cochair.expect_navigation():
            cochair.get_by_role("button", name="Publish").click()
        assert_inert(cochair, "workspace after posting", title)

    # 6. The member shares a short bio with the network.
    member.goto(live_site(WORKSPACE + "settings/"))
    member.get_by_label("My name, region and short bio").check()
    member.fill("#id_short_bio", ALL)
    member.get_by_role("button", name=re.compile("Save")).click()
    member.wait_for_url(re.compile(re.escape(NETWORK) + "$"))

    # 7. Programme staff moderate the updates and open every admin screen with the text.
    visit(staff, live_site, "/admin/networks/moderation/", "moderation queue")
    for title in (public_title, members_title):
        staff.get_by_role("link", name=title).click()
        assert_inert(staff, "update awaiting moderation", title)
        staff.get_by_role("button", name="Approve and publish").click()
        staff.wait_for_url(re.compile(r"/admin/networks/moderation/$"))
        assert_inert(staff, "moderation queue after approving")

    visit(staff, live_site, "/admin/", "admin dashboard")
    visit(
        staff,
        live_site,
        f"/admin/members/enquiry/?q={reference}",
        "enquiry listing",
        reference,
    )
    staff.locator("tr", has_text=reference).locator(
        "a[href*='/inspect/']"
    ).first.click()
    assert_inert(
        staff, "enquiry inspect", f"Pat {IMG}", SVG, f"Trust {TEMPLATE}", JS_URL, ALL
    )

    visit(
        staff,
        live_site,
        "/admin/members/expressionofinterest/?status__exact=submitted",
        "interest listing",
        member_name,
    )
    staff.locator("tr", has_text=member_name).locator(
        "a[href*='/inspect/']"
    ).first.click()
    assert_inert(staff, "interest inspect", member_name, ALL, SVG, TEMPLATE)

    visit(
        staff,
        live_site,
        f"/admin/members/memberprofile/?q={member_email}",
        "member listing",
        member_name,
    )
    staff.get_by_role("link", name=member_name).click()
    assert_inert(staff, "member detail", member_name, TEMPLATE, SVG, JS_URL)

    for path, label in (
        ("/admin/networks/joinrequest/", "join request listing"),
        ("/admin/networks/networkmembership/", "network membership listing"),
        ("/admin/networks/cochairupdate/", "update listing"),
    ):
        visit(staff, live_site, path, label)
    staff.goto(live_site("/admin/networks/cochairupdate/"))
    staff.locator("tr", has_text=public_title).locator(
        "a[href*='/inspect/']"
    ).first.click()
    assert_inert(staff, "update inspect", public_title)

    # 8. A visitor reads the public network page: the public update only, its title as
    #    typed, its body cleaned of everything that could run.
    visitor = watched.new_page()
    visit(visitor, live_site, NETWORK, "public network page", public_title)
    assert members_title not in visitor.locator("body").inner_text()
    notes_link = visitor.get_by_text("the notes", exact=True)
    expect(notes_link).to_have_count(1)
    assert (notes_link.get_attribute("href") or "").lower().find("javascript") == -1

    # 9. The member reads both updates and their portal pages; the co-chair sees the bio.
    visit(member, live_site, NETWORK, "network page (member)", public_title)
    assert_inert(member, "network page (member)", members_title, TEMPLATE)
    for path, label, shown in (
        ("/portal/", "dashboard", (f"Hello, {member_name}",)),
        ("/portal/profile/", "profile", (ALL, SVG, TEMPLATE)),
        ("/portal/interests/", "my interests", ()),
        (interest_path, "interest detail", (ALL,)),
        ("/portal/my-data/", "my data", ()),
    ):
        visit(member, live_site, path, label, *shown)
    # Seeing everything held asks for the password again once the sign-in is not recent.
    member.goto(live_site("/portal/my-data/download.html"))
    if "/accounts/reauthenticate/" in member.url:
        member.fill("input[name=password]", NEW_PASSWORD)
        with member.expect_navigation():
            member.locator("main button[type=submit]").first.click()
    assert member.url.endswith("/portal/my-data/download.html")
    assert_inert(member, "my data as a page", ALL, SVG, TEMPLATE)

    visit(cochair, live_site, WORKSPACE, "co-chair workspace with bio", ALL)
    visit(cochair, live_site, WORKSPACE + "members/", "network members", ALL)

    assert watched.dialogs == [], f"a payload ran: {watched.dialogs}"
    assert watched.csp == [], f"CSP reports: {watched.csp}"
    assert watched.outside == [], f"requests left the machine: {watched.outside}"
