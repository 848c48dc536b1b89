from django.urls import path

from monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("ke-hoach/<int:pk>/", views.plan_overview, name="plan"),
    path("ke-hoach/<int:pk>/ban-do-nhiet/", views.heat_map, name="heat_map"),
    path("ke-hoach/<int:pk>/nhiem-vu/", views.task_board, name="tasks"),
    path("ke-hoach/<int:pk>/excel/", views.plan_excel, name="plan_excel"),
    path("ke-hoach/<int:pk>/bao-cao-word/", views.plan_word, name="plan_word"),
    path("chi-tieu/<int:pk>/", views.target_detail, name="target"),
    path("chi-tieu/<int:pk>/excel/", views.target_excel, name="target_excel"),
    path("don-vi/<int:pk>/", views.unit_page, name="unit"),
]
