from django.urls import path

from council import views

app_name = "council"
urlpatterns = [
    path("", views.session_list, name="sessions"),
    path("dot/<int:pk>/trieu-tap/", views.convene, name="convene"),
    path("<int:pk>/", views.session_detail, name="session"),
    path("<int:pk>/khai-mac/", views.session_open, name="open"),
    path("<int:pk>/bo-phieu/", views.vote, name="vote"),
    path("<int:pk>/phieu-giay/", views.paper, name="paper"),
    path("<int:pk>/ket-thuc/", views.close, name="close"),
    path("<int:pk>/bien-ban.docx", views.minutes_word, name="minutes"),
    path("<int:pk>/bien-ban-pdf/", views.minutes_pdf, name="minutes_pdf"),
]
