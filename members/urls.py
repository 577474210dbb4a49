"""Portal URLs; feature modules add their routes here."""

from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("portal/", views.portal, name="portal"),
]
