from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "org"
    verbose_name = "Đơn vị và phân quyền"

    def ready(self):
        from org import signals  # noqa: F401 - connects the receivers that retire kept scopes
