"""Dữ liệu mở: the public pages of a movement (no login) and the same data as CSV and JSON at
stable URLs — targets and their status, the frozen rankings, the decided awards. Only what was
published: issued plans, frozen ranking versions, the award registry. Top layer, beside portal."""

from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Dữ liệu mở"
