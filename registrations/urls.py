from django.urls import path

from registrations import views

app_name = "registrations"
urlpatterns = [
    path("", views.registration_list, name="list"),
    path("<int:pk>/", views.registration_detail, name="detail"),
    path("<int:pk>/quyet-dinh/", views.registration_decide, name="decide"),
    path("dot/moi/", views.round_create, name="round_create"),
    path("dot/<int:pk>/", views.round_detail, name="round"),
    path("dot/<int:pk>/nhac/", views.round_remind, name="round_remind"),
    path("dot/<int:pk>/doanh-nghiep/", views.round_register_enterprise, name="round_enterprise"),
    path("dot/<int:pk>/ca-nhan/", views.round_register_person, name="round_person"),
    path("dot/<int:pk>/ho-gia-dinh/", views.round_register_household, name="round_household"),
    path("doi-tuong/<int:pk>/quyet-dinh/", views.subject_decide, name="subject_decide"),
]
