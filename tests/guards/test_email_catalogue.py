"""Every email is an event in website.notify's catalogue, with its templates, sent one way."""

import ast
from pathlib import Path

import pytest
from django.template.loader import get_template

from website import notify

ROOT = Path(__file__).resolve().parents[2]
EMAIL_TEMPLATES = ROOT / "templates" / "emails"
APPS = ("website", "home", "members", "networks")
# The only modules that may hand mail to the outbox or to Django's mail functions.
SENDERS = {"website/notify.py", "website/outbox.py"}


def event_names():
    return sorted(notify.EVENTS)


def test_the_catalogue_lists_events():
    assert event_names(), "no events registered: features register theirs at import"


@pytest.mark.parametrize("name", event_names())
def test_each_event_has_a_subject_a_text_and_an_html_part(name):
    event = notify.EVENTS[name]
    if event.renderer is not None:
        return  # a library's templates (allauth), rendered by its own adapter
    for template in event.templates().values():
        get_template(template)  # raises TemplateDoesNotExist
    for part in ("body.txt", "body.html"):
        source = (EMAIL_TEMPLATES / name / part).read_text()
        assert f'extends "emails/base.{part.split(".")[1]}"' in source, (
            f"{name}/{part} must extend the shared layout (sign-off, manage link)"
        )


def test_every_email_template_folder_belongs_to_an_event():
    folders = {p.name for p in EMAIL_TEMPLATES.iterdir() if p.is_dir()}
    assert folders - set(notify.EVENTS) == set()


def test_events_people_can_turn_off_link_to_where_they_do_it():
    for event in notify.EVENTS.values():
        if not event.transactional:
            assert event.manage_path, event.name


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else getattr(func, "id", "")
            )
            owner = (
                getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            )
            yield node.lineno, owner, name


def test_no_module_sends_mail_except_through_notify():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            rel = path.relative_to(ROOT).as_posix()
            if "/migrations/" in rel or rel in SENDERS:
                continue
            tree = ast.parse(path.read_text())
            for line, owner, name in _calls(tree):
                if name in {
                    "send_mail",
                    "send_mass_mail",
                    "mail_admins",
                    "send_many",
                } or (owner in {"mail", "outbox"} and name == "send"):
                    offenders.append(f"{rel}:{line} {owner}.{name}")
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module in {
                    "website.outbox",
                    "post_office.mail",
                    "post_office",
                }:
                    if any(a.name in {"mail", "send", "send_many"} for a in node.names):
                        offenders.append(f"{rel}:{node.lineno} imports {node.module}")
    assert offenders == []
