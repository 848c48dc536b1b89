from django.urls import path

from initiatives import views

app_name = "initiatives"

# (step, path): one POST view takes them all, each calling one service (initiatives.services).
STEPS = [
    ("submit", "gui"),
    ("review", "tiep-nhan"),
    ("recognise", "cong-nhan"),
    ("return", "tra-lai"),
    ("refuse", "khong-cong-nhan"),
    ("evidence_add", "minh-chung"),
    ("replicate", "nhan-rong"),
]

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("chua-co/", views.units_without, name="units_without"),
    path("dang-ky/", views.initiative_create, name="create"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/sua/", views.initiative_edit, name="edit"),
    *[
        path(f"<int:pk>/{slug}/", views.initiative_step, {"step": step}, name=step)
        for step, slug in STEPS
    ],
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
    path("minh-chung/<int:pk>/xoa/", views.evidence_delete, name="evidence_delete"),
]
