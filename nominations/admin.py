"""Rounds and quotas are data an office edits; nominations are read here and changed through the
pages (their workflow), a decided one never."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from nominations.models import AwardRound, Nomination, PublicComment, RoundQuota


class QuotaInline(admin.TabularInline):
    model = RoundQuota
    extra = 0


@admin.register(AwardRound)
class AwardRoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "kind", "year", "deadline", "published_at"]
    list_filter = ["kind", "year"]
    inlines = [QuotaInline]
    readonly_fields = ["published_at", "comments_until", "published_by"]


@admin.register(Nomination)
class NominationAdmin(SimpleHistoryAdmin):
    list_display = ["subject_name", "form", "round", "status", "proposer"]
    list_filter = ["status", "form"]
    search_fields = ["subject_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PublicComment)
class PublicCommentAdmin(admin.ModelAdmin):
    list_display = ["nomination", "name", "received_at"]

    def has_change_permission(self, request, obj=None):
        return False
