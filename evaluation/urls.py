from django.urls import path

from evaluation import scheme_views, views

app_name = "evaluation"
urlpatterns = [
    path("", views.scheme_list, name="list"),
    path("bo-tieu-chi/moi/", scheme_views.scheme_create, name="scheme_create"),
    path("bo-tieu-chi/<int:pk>/", views.scheme_detail, name="scheme"),
    path("bo-tieu-chi/<int:pk>/sua/", scheme_views.scheme_edit, name="scheme_edit"),
    path("bo-tieu-chi/<int:pk>/sao-chep/", scheme_views.scheme_copy, name="scheme_copy"),
    path("bo-tieu-chi/<int:pk>/nhom/", scheme_views.scheme_groups, name="scheme_groups"),
    path("bo-tieu-chi/<int:pk>/tieu-chi/", scheme_views.scheme_criteria, name="scheme_criteria"),
    path("bo-tieu-chi/<int:pk>/cong-tru/", scheme_views.scheme_rules, name="scheme_rules"),
    path("bo-tieu-chi/<int:pk>/tinh-diem/", views.scheme_rescore, name="rescore"),
    path("bo-tieu-chi/<int:pk>/chi-so/", views.index_import, name="index_import"),
    path("bo-tieu-chi/<int:pk>/quy-tac-bang-diem/", views.tie_rules, name="tie_rules"),
    path("bo-tieu-chi/<int:pk>/chot/", views.freeze, name="freeze"),
    path("bo-tieu-chi/<int:pk>/khoi/", views.block_view, name="block"),
    path("phieu/<int:pk>/", views.sheet_detail, name="sheet"),
    path("phieu/<int:pk>/cham/", views.sheet_score, name="score"),
    path("phieu/<int:pk>/gui/", views.sheet_submit, name="submit"),
    path("phieu/<int:pk>/cong-tru/", views.sheet_adjustment, name="adjustment"),
    path("xep-hang/<int:pk>/", views.ranking_view, name="ranking"),
    path("xep-hang/<int:pk>/excel/", views.ranking_excel, name="ranking_excel"),
    path("xep-hang/<int:pk>/word/", views.ranking_word, name="ranking_word"),
]
