"""List filters for staff listings of records that name a region (members, applications,
enquiries), written as plain list filters because Django's admin site is not installed."""

from django.contrib import admin

from home.models.snippets import Region


class RegionFilter(admin.SimpleListFilter):
    """The "By region" filter: the regions editors keep, matched on each record's region."""

    title = "region"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(str(region.pk), region.name) for region in Region.objects.all()]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(region_id=value)
        return queryset
