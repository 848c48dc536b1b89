from django.urls import path

from awards import classification_views, views

app_name = "awards"
urlpatterns = [
    path("", views.registry, name="registry"),
    path("excel/", views.registry_excel, name="registry_excel"),
    path("giay-khen/", views.registry_certificates, name="registry_certificates"),
    path("so/<int:pk>/giay-khen.docx", views.record_certificate_docx, name="certificate_docx"),
    path("so/<int:pk>/giay-khen-pdf/", views.record_certificate_pdf, name="certificate_pdf"),
    path("danh-muc/", views.catalogue, name="catalogue"),
    path("xet-dieu-kien/", views.subject_search, name="search"),
    path("don-vi/<int:pk>/", views.unit_eligibility, name="unit"),
    path("ca-nhan/<int:pk>/", views.person_eligibility, name="person"),
    path("xep-loai/<int:pk>/", classification_views.classification, name="classification"),
    path(
        "xep-loai/<int:pk>/excel/",
        classification_views.classification_excel,
        name="classification_excel",
    ),
    path(
        "xep-loai/<int:pk>/word/",
        classification_views.classification_word,
        name="classification_word",
    ),
    path(
        "xep-loai/<int:pk>/nguong/",
        classification_views.classification_policy,
        name="classification_policy",
    ),
    path("don-vi/<int:pk>/mau-08.docx", views.unit_achievement_report, name="unit_report"),
    path("ca-nhan/<int:pk>/mau-08.docx", views.person_achievement_report, name="person_report"),
]
