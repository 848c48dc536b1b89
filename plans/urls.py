from django.urls import path

from plans import import_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("moi/", views.plan_edit, name="create"),
    path("nhap/", import_views.import_upload, name="import_upload"),
    path("nhap/<int:pk>/", import_views.import_review, name="import_review"),
    path("nhap/<int:pk>/huy/", import_views.import_discard, name="import_discard"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/sua/", views.plan_edit, name="edit"),
    path("<int:pk>/trien-khai/", views.plan_cascade, name="cascade"),
    path("<int:pk>/lich-su/", views.plan_history, name="history"),
    path("chi-tieu/<int:pk>/lich-su/", views.target_history, name="target_history"),
    path("nhiem-vu/<int:pk>/lich-su/", views.task_history, name="task_history"),
    path("<int:plan_pk>/chi-tieu/moi/", views.target_edit, name="target_create"),
    path("<int:plan_pk>/nhiem-vu/moi/", views.task_edit, name="task_create"),
    path("chi-tieu/", views.target_list, name="target_list"),
    path("chi-tieu/<int:pk>/sua/", views.target_edit, name="target_edit"),
    path("nhiem-vu/", views.task_list, name="task_list"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="task_detail"),
    path("nhiem-vu/<int:pk>/sua/", views.task_edit, name="task_edit"),
]
