"""Lint guards (security checklist IV-2 part 4, SE-5 part 3): no way to switch escaping off
or CSRF checks off outside a short, reviewed allow-list."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("home", "members", "networks", "website", "templates")

# file (relative to the repository) -> why the use there is safe
REVIEWED_MARK_SAFE = {
    "networks/templatetags/network_tags.py": "co-chair rich text after nh3 sanitising (IV-3)",
}
# format_html / format_html_join escape their arguments; only a literal format string is
# allowed, never one built from user data.
FORMAT_HTML_CALL = re.compile(r"format_html(?:_join)?\(\s*(?P<first>[^,)]*)")
REVIEWED_CSRF_EXEMPT = {}


def source_files(suffixes):
    for directory in SOURCE_DIRS:
        for path in (ROOT / directory).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


def relative(path):
    return path.relative_to(ROOT).as_posix()


def test_iv2_no_safe_filter_or_autoescape_off_in_templates():
    offenders = []
    for path in source_files({".html", ".txt"}):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\|\s*safe\b|\|\s*safeseq\b", text):
            offenders.append(relative(path))
        # Plain-text emails and texts may switch autoescaping off (no HTML is ever
        # rendered from them).
        plain_text_email = path.suffix == ".txt" and {"email", "emails", "sms"} & set(
            path.parts
        )
        if re.search(r"{%\s*autoescape\s+off", text) and not plain_text_email:
            offenders.append(relative(path))
    assert not offenders, offenders


def test_iv2_mark_safe_only_in_reviewed_helpers():
    offenders = [
        relative(path)
        for path in source_files({".py"})
        if re.search(r"\bmark_safe\(|SafeString\(", path.read_text(encoding="utf-8"))
        and relative(path) not in REVIEWED_MARK_SAFE
    ]
    assert not offenders, offenders


def test_iv2_format_html_always_has_a_literal_template():
    offenders = []
    for path in source_files({".py"}):
        for match in FORMAT_HTML_CALL.finditer(path.read_text(encoding="utf-8")):
            first = match.group("first").strip()
            if first[:1] not in ("'", '"'):
                offenders.append(f"{relative(path)}: {first}")
    assert not offenders, offenders


def test_se5_no_csrf_exempt_outside_allow_list():
    offenders = [
        relative(path)
        for path in source_files({".py"})
        if "csrf_exempt" in path.read_text(encoding="utf-8")
        and relative(path) not in REVIEWED_CSRF_EXEMPT
    ]
    assert not offenders, offenders


def test_iv2_lint_catches_a_safe_filter(tmp_path):
    """The guard itself works: the pattern finds a deliberately unsafe template."""
    sample = "<p>{{ enquiry.message|safe }}</p>"
    assert re.search(r"\|\s*safe\b", sample)
