from django.urls import path

from awards import views

app_name = "awards"
urlpatterns = [
    path("", views.registry, name="registry"),
    path("danh-muc/", views.catalogue, name="catalogue"),
    path("xet-dieu-kien/", views.subject_search, name="search"),
    path("don-vi/<int:pk>/", views.unit_eligibility, name="unit"),
    path("ca-nhan/<int:pk>/", views.person_eligibility, name="person"),
]
