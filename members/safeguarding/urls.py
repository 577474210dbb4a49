"""A person's concerns in the portal; concatenated into members/urls.py."""

from django.urls import path

from members.safeguarding import views

urlpatterns = [
    path("portal/concerns/", views.my_concerns, name="my_concerns"),
    path("portal/concerns/new/", views.raise_concern, name="raise_concern"),
    path("portal/concerns/<int:pk>/", views.my_concern, name="my_concern"),
    path("portal/concerns/<int:pk>/sent/", views.concern_raised, name="concern_raised"),
]
