"""The person's payment pages in the portal; concatenated into members/urls.py."""

from django.urls import path

from members.payments import views

urlpatterns = [
    path("portal/payments/", views.my_payments, name="my_payments"),
    path(
        "portal/payments/preference/",
        views.my_preference,
        name="my_payment_preference",
    ),
    path(
        "portal/payments/statement/<int:year>/",
        views.my_statement,
        name="my_payment_statement",
    ),
    path("portal/payments/<int:pk>/", views.my_claim, name="my_claim"),
    path("portal/payments/<int:pk>/send/", views.send_claim, name="my_claim_send"),
    path(
        "portal/payments/<int:pk>/lines/<int:line_pk>/remove/",
        views.remove_line,
        name="my_claim_remove_line",
    ),
    path(
        "portal/payments/receipts/<int:line_pk>/",
        views.receipt,
        name="payment_receipt",
    ),
]
