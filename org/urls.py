from django.urls import path

from org import subject_views, views

app_name = "org"
urlpatterns = [
    path("", views.unit_tree, name="tree"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("khoi-thi-dua/", views.block_list, name="blocks"),
    path("khoi-thi-dua/don-vi/<int:pk>/", views.unit_block, name="unit_block"),
    path("ho-gia-dinh/", subject_views.household_list, name="households"),
    path("ho-gia-dinh/them/", subject_views.household_edit, name="household_add"),
    path("ho-gia-dinh/<int:pk>/", subject_views.household_edit, name="household_edit"),
    path("doanh-nghiep/", subject_views.enterprise_list, name="enterprises"),
    path("doanh-nghiep/them/", subject_views.enterprise_edit, name="enterprise_add"),
    path("doanh-nghiep/<int:pk>/", subject_views.enterprise_edit, name="enterprise_edit"),
]
