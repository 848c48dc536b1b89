from django.urls import path

from reporting import schedule_views, views

app_name = "reporting"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("don-vi/<int:unit_pk>/ky/<int:period_pk>/", views.report_start, name="start"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/tu-dong-luu/", views.report_autosave, name="autosave"),
    path("<int:pk>/gui/", views.report_submit, name="submit"),
    path("<int:pk>/duyet/", views.report_approve, name="approve"),
    path("<int:pk>/tiep-nhan/", views.report_accept, name="accept"),
    path("<int:pk>/tra-lai/", views.report_return, name="return"),
    path("<int:pk>/mo-lai/", views.report_reopen, name="reopen"),
    path("<int:pk>/excel/", views.report_excel, name="excel"),
    path("<int:pk>/nhap-excel/", views.report_excel_upload, name="excel_upload"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence"),
    path("minh-chung/<int:pk>/xoa/", views.evidence_delete, name="evidence_delete"),
    path("lich/", schedule_views.schedule_list, name="schedules"),
    path("lich/moi/", schedule_views.schedule_edit, name="schedule_create"),
    path("lich/<int:pk>/", schedule_views.schedule_detail, name="schedule_detail"),
    path("lich/<int:pk>/sua/", schedule_views.schedule_edit, name="schedule_edit"),
    path("lich/<int:pk>/tao-ky/", schedule_views.schedule_generate, name="schedule_generate"),
    path("lich/<int:pk>/ky-mot-lan/", schedule_views.schedule_one_off, name="schedule_one_off"),
    path("lich/<int:pk>/mo-lai-ky/", schedule_views.period_reopen_for_unit, name="period_reopen"),
    path("lich/<int:pk>/theo-doi/", schedule_views.board, name="board"),
    path("lich/<int:pk>/theo-doi.xlsx", schedule_views.board_excel, name="board_excel"),
    path("ky/<int:pk>/khoa/", schedule_views.period_close, name="period_close"),
    path("ky/<int:pk>/so-lieu.xlsx", schedule_views.period_figures_excel, name="period_excel"),
]
