"""The index view every project listing in the admin uses (security checklist IV-6).

wagtail-modeladmin's ``IndexView`` hands every query parameter it does not know to
``QuerySet.filter()``, as Django's admin did before it learned ``lookup_allowed``. So
``?per_page=10000`` (or any stray parameter) was a 500, and a hand-written lookup such as
``?assignee__password__startswith=pbkdf2`` filtered on fields the screen never shows. This
view reads only the parameters its declared list filters use and ignores the rest; a filter
value that cannot be applied (``?created_at__gte=abc``) shows the unfiltered listing with a
message instead of a 500. Page numbers past the end show the last page and anything below
one or unreadable shows the first; the page size stays ``list_per_page``.

Its CSV and Excel exports show choice labels, leave empty cells empty and quote cells that
would run as spreadsheet formulas (website/spreadsheets.py).
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail_modeladmin.views import IndexView

from website.spreadsheets import readable_row

# The parameters Django's field list filters read: `<field>__exact`, `__isnull` (choices,
# booleans, all-values), `__gte`/`__lt` (dates) and `<relation>__<target>__exact`.
FIELD_FILTER_SUFFIXES = ("exact", "isnull", "gte", "lt")


class ClampingPaginator(WagtailPaginator):
    """`page()` never raises: past the end is the last page, below one the first."""

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        return super().page(min(max(number, 1), self.num_pages))


class ListingIndexView(IndexView):
    paginator_class = ClampingPaginator

    def filter_parameter_names(self):
        names = set()
        for list_filter in self.list_filter:
            if isinstance(list_filter, (tuple, list)):
                list_filter = list_filter[0]
            if isinstance(list_filter, str):
                names.update(
                    f"{list_filter}__{suffix}" for suffix in FIELD_FILTER_SUFFIXES
                )
                field = get_fields_from_path(self.model, list_filter)[-1]
                if field.is_relation:
                    names.add(f"{list_filter}__{field.target_field.name}__exact")
            else:
                names.add(getattr(list_filter, "parameter_name", None))
        return names

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        allowed = self.filter_parameter_names()
        return {key: value for key, value in lookup_params.items() if key in allowed}

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.warning(request, "That filter could not be applied.")
            return redirect(request.path)

    def get(self, request, *args, **kwargs):
        # The page links mark the page shown as current: never page 0 or -1.
        self.page_num = max(self.page_num, 1)
        return super().get(request, *args, **kwargs)

    def to_row_dict(self, item):
        return readable_row(self.model_admin, item, self.list_export)
