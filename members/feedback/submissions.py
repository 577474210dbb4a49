"""Wagtail's answers listing and CSV/Excel export for feedback forms, opened to programme
staff as well as the form's editors, with every cell a person typed made safe for a
spreadsheet (website/spreadsheets.py: a cell starting = + - @ is quoted, never run)."""

from wagtail.admin.views.generic.base import BaseListingView
from wagtail.contrib.forms.views import SubmissionsListView

from members.feedback.permissions import can_read_answers
from website.spreadsheets import safe_cell
from website.views import forbidden


def cell(value):
    if isinstance(value, list):  # "choose any that apply"
        value = ", ".join(str(item) for item in value)
    return safe_cell(value)


class FeedbackSubmissionsListView(SubmissionsListView):
    """One feedback form's answers, newest first, with the export buttons."""

    def dispatch(self, request, *args, **kwargs):
        self.form_page = kwargs.get("form_page")
        if not can_read_answers(request.user, self.form_page):
            return forbidden(request)
        if self.is_export:
            data_fields = self.form_page.get_data_fields()
            self.list_export = [name for name, _label in data_fields]
            self.export_headings = dict(data_fields)
        # Wagtail's own check (page editors only) is the one replaced above.
        return BaseListingView.dispatch(self, request, *args, **kwargs)

    def to_row_dict(self, item):
        data = item.get_data()
        return {name: cell(data.get(name)) for name in self.list_export}
