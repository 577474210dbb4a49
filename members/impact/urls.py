"""The person's equality monitoring page; concatenated into members/urls.py."""

from django.urls import path

from members.impact import views

urlpatterns = [
    path("portal/about-you/", views.about_you, name="about_you"),
]
