from django.urls import path

from api import views
from api.endpoints import api

app_name = "api_tokens"

urlpatterns = [
    path("khoa/", views.token_list, name="list"),
    path("khoa/<int:pk>/thu-hoi/", views.token_revoke, name="revoke"),
]

api_urls = api.urls
