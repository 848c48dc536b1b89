from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import fold


class SearchableModel(models.Model):
    """A model with a folded `search_text` column, refreshed on every save.

    Subclasses list the fields that feed it in `search_fields`.
    """

    search_fields: tuple[str, ...] = ()
    search_text = models.TextField(_("chuỗi tìm kiếm"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        return fold(" ".join(str(getattr(self, f) or "") for f in self.search_fields))


class WorkflowEvent(models.Model):
    """What every history line of a workflow records: the step's statuses, who took it, when,
    from which address, why and what changed. Subclasses add their subject and their kinds."""

    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        abstract = True
