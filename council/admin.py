"""Sessions are read here. Ballots and turnout are not registered: a ballot holds no voter and
the turnout no choice, and neither is shown next to the other anywhere."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from council.models import CouncilMember, CouncilSession


class MemberInline(admin.TabularInline):
    model = CouncilMember
    extra = 0
    fields = ["person", "position", "is_chair", "present"]


@admin.register(CouncilSession)
class CouncilSessionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "held_on", "status", "mode"]
    inlines = [MemberInline]

    def has_change_permission(self, request, obj=None):
        return obj is None or obj.status != CouncilSession.Status.CLOSED

    def has_delete_permission(self, request, obj=None):
        return False
