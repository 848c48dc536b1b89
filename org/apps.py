from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "org"
    verbose_name = "Đơn vị và phân quyền"
