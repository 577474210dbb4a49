"""Payments' registrations: the staff screens in the admin and their menu item, things to
do, and payments in data export and erasure. Imported by members/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from members.payments import exports, staff, todos
from members.payments import permissions as perms
from members.payments.models import ExpenseCategory, PaidEvent, PaymentRate
from website import todo
from website.admin_menu import PermittedMenuItem
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK


@hooks.register("register_admin_urls")
def payments_admin_urls():
    return [
        path(
            "payments/",
            include((staff.admin_urls, "payments_admin"), namespace="payments_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_payments_menu():
    return PermittedMenuItem(
        "Involvement payments",
        reverse("payments_admin:queue"),
        perms.sees_ledger,
        icon_name="doc-full",
        order=256,
    )


hooks.register(todo.PORTAL, todos.claims_to_send)
hooks.register(todo.ADMIN, todos.claims_for_staff)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_payments)
hooks.register(ERASE_HOOK, exports.erase_payments)

# Retention: the purge step registers with website.retention on import.
import members.payments.retention  # noqa: E402,F401


# Terms staff set: dated rates, expense categories with their caps, and which events pay
# their attendees. Rows of rates are never edited into the past: add a new dated rate.
class RateViewSet(SnippetViewSet):
    model = PaymentRate
    menu_label = "Payment rates"
    icon = "doc-full"
    list_display = ["involvement", "fee", "unit", "valid_from", "cost_code", "strand"]
    list_filter = ["involvement"]


class CategoryViewSet(SnippetViewSet):
    model = ExpenseCategory
    menu_label = "Expense categories"
    icon = "list-ul"
    list_display = ["name", "cap", "active", "order"]


class PaidEventViewSet(SnippetViewSet):
    model = PaidEvent
    menu_label = "Paid events"
    icon = "date"
    list_display = ["event", "involvement"]


class PaymentTermsGroup(SnippetViewSetGroup):
    menu_label = "Payment terms"
    menu_icon = "doc-full"
    menu_order = 257
    items = (RateViewSet, CategoryViewSet, PaidEventViewSet)


register_snippet(PaymentTermsGroup)
