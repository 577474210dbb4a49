"""Registries that make "download my data" and "delete my account" complete across apps.

`members` cannot import `networks` (design.md §3), so each app that holds personal data about
a member registers two functions with Wagtail's hook registry, usually in its
`wagtail_hooks.py`.

Export contract — ``@hooks.register(MEMBER_DATA_EXPORT_HOOK)``::

    def export_my_interests(user):
        rows = ExpressionOfInterest.objects.filter(user=user).values(...)
        return ExportSection(
            key="expressions_of_interest",       # JSON key, unique, snake_case
            title="Expressions of interest",     # heading on the HTML page
            records=[{"opportunity": ..., "status": ..., "submitted_at": ...}, ...],
            order=40,                            # lower numbers come first
        )

- Called once per export with the member's ``User``; return an ``ExportSection`` or ``None``
  when the app holds nothing about them.
- ``records`` is a list (or any iterable) of flat-ish dicts whose values are JSON-serialisable
  by Django's ``DjangoJSONEncoder`` (str, int, bool, None, dates, lists, dicts). Keys are
  human-readable snake_case; they become column headings on the HTML page.
- Use a fixed number of queries (``values()``/``select_related``), never one per record.
- Include everything held about the person, including special-category fields of their own;
  leave out secrets (password hashes, tokens, TOTP seeds) and other people's personal data
  (use "Programme staff" rather than a staff member's name where appropriate).

Erase contract — ``@hooks.register(ERASE_HOOK)``::

    def erase_my_interests(user):
        ExpressionOfInterest.objects.filter(user=user, reviewed_at__isnull=True).delete()
        ExpressionOfInterest.objects.filter(user=user).update(note="", phone="")

- Called once, inside the deletion transaction, *before* the user row is anonymised, so
  ``user.email``, names and ``user.pk`` still hold their original values (use the email to
  find records that were matched by address, such as enquiries).
- Delete what nobody else relies on; anonymise (blank the personal fields, keep the row and
  its foreign key to the now-anonymous user) what other people rely on, such as a co-chair's
  update or an interest staff reviewed. The user row itself is kept, renamed "Former member",
  deactivated and stripped of email, names and password, so foreign keys stay valid.
- Raise nothing for "no data"; an exception aborts the whole deletion (nothing is half-done).
- Say which models it clears with ``@erases("members.Enquiry", …)``: a test compares that
  against the data map, so a new model holding personal data cannot be forgotten.
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from wagtail import hooks

MEMBER_DATA_EXPORT_HOOK = "register_member_data_export"
ERASE_HOOK = "register_member_data_erase"


def erases(*labels):
    """Mark an erase step with the models ("app_label.Model") whose personal fields it
    clears; `erased_models` gathers them for the data map's completeness test."""

    def mark(function):
        function.erases = tuple(labels)
        return function

    return mark


def erased_models():
    """Every model some registered erase step says it clears."""
    found = set()
    for function in hooks.get_hooks(ERASE_HOOK):
        found.update(getattr(function, "erases", ()))
    return found


@dataclass
class ExportSection:
    """One app's records about a member, for the JSON download and the readable page."""

    key: str
    title: str
    records: list = field(default_factory=list)
    order: int = 50
    description: str = ""


def sections_for(user):
    """Every registered section for this user, in display order."""
    sections = []
    for build in hooks.get_hooks(MEMBER_DATA_EXPORT_HOOK):
        section = build(user)
        if section is not None:
            section.records = list(section.records)
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))


def erase_for(user):
    """Ask every app to delete or anonymise its records about this user."""
    for erase in hooks.get_hooks(ERASE_HOOK):
        erase(user)


def stream_json(user):
    """Yield the JSON document chunk by chunk, so a long history streams without delay."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    yield '{"format": "voices-member-data/1"'
    for section in sections_for(user):
        yield f",\n{json.dumps(section.key)}: ["
        for index, record in enumerate(section.records):
            yield ("," if index else "") + "\n  " + encoder.encode(record)
        yield "\n]"
    yield "\n}\n"
