"""Cells for the spreadsheets staff download (CSV and Excel), written safely and readably.

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
formula, so text typed by the public could run in a staff member's spreadsheet (security
checklist IV-2). Only such cells get a leading apostrophe; an empty value stays an empty
cell, and a field with choices shows its label ("New"), never its stored code ("new").
"""

import datetime
from collections import OrderedDict
from decimal import Decimal

from django.contrib.admin.utils import lookup_field

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Values a spreadsheet stores as themselves; anything else (a person, a page) becomes text.
PLAIN_TYPES = (bool, int, float, Decimal, datetime.date, datetime.time)


def safe_cell(value):
    """`value` as a cell: None and "" stay empty, text that would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def readable_row(model_admin, item, names):
    """{name: value} for an export row: choice labels, empty cells empty, formulas quoted."""
    row = OrderedDict()
    for name in names:
        field, _attr, value = lookup_field(name, item, model_admin)
        choices = getattr(field, "flatchoices", None)
        if choices:
            value = dict(choices).get(value, value)
        if value is not None and not isinstance(value, PLAIN_TYPES):
            value = str(value)
        row[name] = safe_cell(value or None if isinstance(value, str) else value)
    return row
