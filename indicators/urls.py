from django.urls import path

from indicators import views

app_name = "indicators"
urlpatterns = [
    path("moi/", views.indicator_create, name="create"),
]
