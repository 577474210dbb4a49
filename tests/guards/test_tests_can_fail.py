"""Guards on the suite itself: a test that passes whatever happens protects nobody.

Walks every test module's syntax tree and fails on
- an assertion with a constant true alternative (``x`` or the constant ``True``);
- ``pytest.skip`` decided by what a page contains (an ``if`` testing ``... in html``-like text);
- a status assertion accepting a shown page (2xx) together with a redirect or a failure (3xx–5xx).
"""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
PAGE_WORDS = ("html", "content", "body", "text", "page")


def modules():
    for path in sorted(TESTS.rglob("*.py")):
        yield path, ast.parse(path.read_text(), filename=str(path))


def where(path, node):
    return f"{path.relative_to(TESTS.parent)}:{node.lineno}"


def constant_true(node):
    return (
        isinstance(node, ast.Constant) and bool(node.value) and node.value is not None
    )


def test_no_assertion_is_padded_with_or_true():
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assert):
                for part in ast.walk(node.test):
                    if isinstance(part, ast.BoolOp) and isinstance(part.op, ast.Or):
                        if any(constant_true(value) for value in part.values):
                            found.append(where(path, node))
    assert not found, found


def is_skip(call):
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in ("skip", "xfail")
        and (isinstance(func.value, ast.Name) and func.value.id == "pytest")
    )


def mentions_page(test):
    for part in ast.walk(test):
        if isinstance(part, ast.Compare) and any(
            isinstance(op, ast.In | ast.NotIn) for op in part.ops
        ):
            names = [
                n.id if isinstance(n, ast.Name) else n.attr
                for n in ast.walk(part)
                if isinstance(n, ast.Name | ast.Attribute)
            ]
            if any(word in name.lower() for name in names for word in PAGE_WORDS):
                return True
    return False


def test_no_skip_is_decided_by_page_content():
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and mentions_page(node.test):
                for inner in node.body:
                    for call in ast.walk(inner):
                        if isinstance(call, ast.Call) and is_skip(call):
                            found.append(where(path, call))
    assert not found, found


def status_codes(node):
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


def test_no_status_assertion_accepts_success_and_failure():
    found = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assert):
                continue
            for part in ast.walk(node.test):
                if not isinstance(part, ast.Compare) or not isinstance(
                    part.ops[0], ast.In
                ):
                    continue
                subject = ast.unparse(part.left)
                if "status" not in subject:
                    continue
                codes = [
                    c for c in status_codes(part.comparators[0]) if isinstance(c, int)
                ]
                shown = any(200 <= c < 300 for c in codes)
                if shown and any(c >= 300 for c in codes):
                    found.append(where(path, node))
    assert not found, found


def test_the_guards_catch_what_they_are_for(tmp_path):
    """Each rule, shown a bad example, reports it (so the guards above can fail)."""
    # Built from parts so this file's own source holds none of the patterns it forbids.
    check, status = "assert", "response.status_code in"
    bad = ast.parse(
        f"{check} x or {True}\n"
        "if 'Slot' not in html:\n    pytest.skip('no slot')\n"
        f"{check} {status} {(200, 302, 404)}\n"
        f"{check} {status} {(200, 302)}\n"
    )
    asserts = [n for n in ast.walk(bad) if isinstance(n, ast.Assert)]
    assert any(
        isinstance(p, ast.BoolOp) and any(constant_true(v) for v in p.values)
        for p in ast.walk(asserts[0].test)
    )
    branch = next(n for n in ast.walk(bad) if isinstance(n, ast.If))
    assert mentions_page(branch.test)
    compare = asserts[1].test
    assert {200, 404} <= set(status_codes(compare.comparators[0]))
    assert {200, 302} == set(status_codes(asserts[2].test.comparators[0]))
