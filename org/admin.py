from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from org.models import EmulationBlock, OrgUnit, Person, RoleAssignment, UnitType


@admin.register(UnitType)
class UnitTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "issues_plans"]


@admin.register(OrgUnit)
class OrgUnitAdmin(TreeAdmin, SimpleHistoryAdmin):
    form = movenodeform_factory(OrgUnit, exclude=["search_text"])
    list_display = ["name", "code", "unit_type", "block", "valid_to"]
    list_filter = ["unit_type", "block"]
    search_fields = ["name", "code", "search_text"]
    autocomplete_fields = ["merged_into", "block"]


@admin.register(EmulationBlock)
class EmulationBlockAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "province", "order"]
    list_filter = ["province"]
    search_fields = ["name", "code"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "position", "unit", "user"]
    search_fields = ["full_name", "search_text"]
    autocomplete_fields = ["unit", "user"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "unit", "valid_from", "valid_to"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "unit"]
