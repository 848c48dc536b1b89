from django.urls import path

from opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.movement_list, name="list"),
    path("phong-trao/<int:pk>/", views.movement_page, name="movement"),
    path("phong-trao/<int:pk>/<slug:dataset>.csv", views.dataset_csv, name="csv"),
    path("phong-trao/<int:pk>/<slug:dataset>.json", views.dataset_json, name="json"),
]
