from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from org.models import (
    BlockMembership,
    EmulationBlock,
    Enterprise,
    Household,
    OrgUnit,
    Person,
    RoleAssignment,
    UnitType,
)


@admin.register(UnitType)
class UnitTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "level", "issues_plans", "is_locality"]


@admin.register(OrgUnit)
class OrgUnitAdmin(TreeAdmin, SimpleHistoryAdmin):
    # The block is changed on the coordinator's page (org:unit_block), which keeps its history.
    form = movenodeform_factory(OrgUnit, exclude=["search_text", "block"])
    readonly_fields = ["block"]
    list_display = ["name", "code", "unit_type", "block", "valid_to"]
    list_filter = ["unit_type", "block"]
    search_fields = ["name", "code", "search_text"]
    autocomplete_fields = ["merged_into"]


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


@admin.register(BlockMembership)
class BlockMembershipAdmin(admin.ModelAdmin):
    """Read-only: a move goes through the coordinator's page, which closes the old interval
    and opens the new one together (org/services.py)."""

    list_display = ["unit", "block", "valid_from", "valid_to", "changed_by", "changed_at"]
    list_filter = ["block"]
    search_fields = ["unit__name", "unit__code", "reason"]
    list_select_related = ["unit", "block", "changed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Household)
class HouseholdAdmin(SimpleHistoryAdmin):
    list_display = ["head_name", "kind", "unit", "address", "members_count"]
    list_filter = ["kind"]
    search_fields = ["head_name", "search_text"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]


@admin.register(Enterprise)
class EnterpriseAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "tax_code", "unit", "representative"]
    list_filter = ["kind"]
    search_fields = ["name", "tax_code", "search_text"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]
