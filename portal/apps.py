"""The site: the top layer (DESIGN.md) — the home page, the header's context, the demo.

It is the only app that may import every other one: the home page gathers what each role has to
do from plans, reporting and monitoring, and the demo loads units, plans and reports through their
services. Keeping these here leaves `core` at the bottom, imported by all and importing none.

Named `portal`, not `site`: `site` is a module of Python's standard library (imported at start-up),
so a package of that name would shadow it or be shadowed by it.
"""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Trang chủ"
