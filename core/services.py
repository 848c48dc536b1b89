"""Helpers that every app's services share."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class ConcurrentEditError(ValidationError):
    """Someone else saved the same record since this form was opened."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _(
                "Bản ghi này vừa được người khác cập nhật. Dữ liệu của họ đã được giữ nguyên; "
                "hãy tải lại trang, xem thay đổi rồi nhập lại phần của bạn."
            ),
            code="conflict",
        )


def claim_version(instance: models.Model, expected_version: int | None) -> None:
    """Bump `instance.version` in the database only if it still equals `expected_version`.

    Run inside the transaction that saves the change: the conditional UPDATE takes the row lock,
    so of two people saving the same record, the second gets ConcurrentEditError instead of
    silently overwriting the first one's figures.
    """
    if expected_version is None:
        expected_version = instance.version
    updated = (
        type(instance)
        .objects.filter(pk=instance.pk, version=expected_version)
        .update(version=F("version") + 1)
    )
    if not updated:
        raise ConcurrentEditError()
    instance.version = expected_version + 1


def assign_fields(instance: models.Model, data: dict, fields: tuple[str, ...]) -> list[str]:
    """Copy `fields` present in `data` onto `instance`; return the names that changed."""
    changed = []
    for name in fields:
        if name in data and getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    return changed
