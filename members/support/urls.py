"""The partner's training and debrief pages in the portal; concatenated into
members/urls.py."""

from django.urls import path

from members.support import views

urlpatterns = [
    path("portal/training/", views.my_training, name="my_training"),
    path("portal/debriefs/", views.my_debriefs, name="my_debriefs"),
    path("portal/debriefs/ask/", views.ask_debrief, name="debrief_ask"),
]
