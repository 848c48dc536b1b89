from django.urls import path

from decisions import views

app_name = "decisions"
urlpatterns = [
    path("", views.decision_list, name="decisions"),
    path("dot/<int:pk>/du-thao/", views.draft, name="draft"),
    path("<int:pk>/", views.decision_detail, name="detail"),
    path("<int:pk>/ban-hanh/", views.issue, name="issue"),
]
