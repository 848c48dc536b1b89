from django.urls import path

from decisions import views

app_name = "decisions"
urlpatterns = [
    path("", views.decision_list, name="decisions"),
    path("dot/<int:pk>/du-thao/", views.draft, name="draft"),
    path("<int:pk>/", views.decision_detail, name="detail"),
    path("<int:pk>/ban-hanh/", views.issue, name="issue"),
    path("<int:pk>/quyet-dinh.docx", views.decision_word, name="word"),
    path("<int:pk>/giay-khen/", views.certificates, name="certificates"),
    path("<int:pk>/quyet-dinh-pdf/", views.decision_pdf, name="pdf"),
]
