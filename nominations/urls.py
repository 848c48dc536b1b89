from django.urls import path

from nominations import round_views, views

app_name = "nominations"
urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("dot/moi/", round_views.round_new, name="round_new"),
    path("dot/<int:pk>/", round_views.round_detail, name="round"),
    path("dot/<int:pk>/sua/", round_views.round_edit, name="round_edit"),
    path("dot/<int:pk>/chi-tieu/", round_views.round_quotas, name="round_quotas"),
    path("dot/<int:pk>/nhan-de-nghi/", round_views.round_close, name="round_close"),
    path("dot/<int:pk>/de-nghi/", views.nominate, name="nominate"),
    path("dot/<int:pk>/cong-khai/", views.publish, name="publish"),
    path("<int:pk>/", views.nomination_detail, name="detail"),
    path("<int:pk>/thao-tac/", views.nomination_action, name="action"),
    path("<int:pk>/tai-lieu/", views.attach, name="attach"),
    path("dot/<int:pk>/to-trinh.docx", views.proposal_word, name="proposal"),
    path("<int:pk>/mau-08.docx", views.report_word, name="report"),
    path("dot/<int:pk>/to-trinh-pdf/", views.proposal_pdf, name="proposal_pdf"),
    path("<int:pk>/mau-08-pdf/", views.report_pdf, name="report_pdf"),
]
