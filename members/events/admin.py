"""Staff manage events in the Wagtail admin (wagtail-modeladmin, model permissions).

Programme staff hold the event permissions (members migration 0020); editors and members
hold none, so Wagtail refuses them. Bookings are listed read-only for the organisers; the
access needs a person shared are special-category data, shown only to staff who hold the
same dedicated permission as for expressions of interest.
"""

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import InspectView

from members.events.models import Event, EventBooking
from members.opportunities.permissions import can_see_interest_access_needs
from website.admin_history import PermittedHistoryView
from website.admin_listing import ListingIndexView


class EventAdmin(ModelAdmin):
    model = Event
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Events"
    menu_icon = "date"
    list_display = (
        "title",
        "kind",
        "audience",
        "starts_at",
        "format",
        "capacity",
        "status",
    )
    list_filter = ("kind", "audience", "format", "status")
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}


class BookingInspectView(InspectView):
    """A booking's details; shared access needs only for those allowed to see them."""

    def get_fields_dict(self):
        allowed = can_see_interest_access_needs(self.request.user)
        return [
            self.get_dict_for_field(name)
            for name in self.model_admin.get_inspect_view_fields()
            if name != "access_needs" or allowed
        ]


class EventBookingAdmin(ModelAdmin):
    model = EventBooking
    inspect_view_class = BookingInspectView
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Event bookings"
    menu_icon = "list-ul"
    list_display = ("event", "booked_by", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("event__title", "name", "email", "user__email")
    inspect_view_enabled = True
    inspect_view_fields = (
        "event",
        "name",
        "email",
        "status",
        "offer_expires_at",
        "access_needs",
        "created_at",
    )

    def booked_by(self, obj):
        return obj.display_name or obj.contact_email

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "user")


class EventsAdminGroup(ModelAdminGroup):
    menu_label = "Events"
    menu_icon = "date"
    menu_order = 250
    items = (EventAdmin, EventBookingAdmin)
