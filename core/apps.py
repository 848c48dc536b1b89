from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Dùng chung"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from core.middleware import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="core.stamp_sign_in")
