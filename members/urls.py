"""Portal URLs; each feature adds its routes below with a targeted edit."""

from django.urls import path

from members.views import portal

app_name = "members"

urlpatterns = [
    path("portal/", portal.portal, name="portal"),
]
