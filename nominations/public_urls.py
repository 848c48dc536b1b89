"""The public page of a published round (no login)."""

from django.urls import path

from nominations import views

app_name = "nominations_public"
urlpatterns = [
    path("<uuid:token>/", views.public_round, name="round"),
]
