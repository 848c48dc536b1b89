from django.urls import path

from initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("chua-co/", views.units_without, name="units_without"),
    path("dang-ky/", views.initiative_create, name="create"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/sua/", views.initiative_edit, name="edit"),
    path(
        "<int:pk>/<slug:step>/",
        views.initiative_step,
        name="step",
    ),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
]
