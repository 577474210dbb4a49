"""The learning sets' portal URLs; concatenated into members/urls.py."""

from django.urls import path

from members.learning import views

urlpatterns = [
    path("portal/learning/", views.my_learning, name="my_learning"),
    path("portal/learning/invitations/<int:pk>/", views.join, name="learning_join"),
    path("portal/learning/<int:pk>/", views.learning_set, name="learning_set"),
    path(
        "portal/learning/<int:pk>/reflection/",
        views.set_reflection,
        name="learning_reflection",
    ),
    path(
        "portal/learning/<int:pk>/sessions/<int:number>/note/",
        views.session_note,
        name="learning_session_note",
    ),
]
