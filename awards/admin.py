"""The catalogue, the thresholds and the registry as reference data an office edits: every change
is kept with who made it and when (simple_history)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from awards.models import (
    AwardForm,
    AwardKind,
    AwardRecord,
    BaseSalary,
    EligibilityPolicy,
    PendingMatter,
)


@admin.register(AwardKind)
class AwardKindAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "counts_toward_merit", "order"]


@admin.register(AwardForm)
class AwardFormAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "category",
        "level",
        "decider",
        "proposal_to_higher_level",
        "vote_threshold_percent",
        "collective_multiple",
        "individual_multiple",
        "is_active",
    ]
    list_filter = ["category", "level", "proposal_to_higher_level", "is_active"]
    search_fields = ["name", "code"]
    filter_horizontal = ["kinds", "decider_unit_types"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(SimpleHistoryAdmin):
    list_display = ["amount", "valid_from", "valid_to", "legal_basis"]


@admin.register(EligibilityPolicy)
class EligibilityPolicyAdmin(SimpleHistoryAdmin):
    list_display = [
        "province",
        "max_late_reports",
        "max_returned_reports",
        "advanced_collective_min_percent",
        "excellent_collective_min_percent",
        "one_flag_per_block",
    ]
    autocomplete_fields = ["province"]


@admin.register(AwardRecord)
class AwardRecordAdmin(SimpleHistoryAdmin):
    list_display = ["subject_name", "form", "kind", "year", "decision_number", "decision_date"]
    list_filter = ["form", "kind", "year"]
    search_fields = ["subject_name", "decision_number", "search_text"]
    autocomplete_fields = ["subject_unit", "person"]
    exclude = ["search_text"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(PendingMatter)
class PendingMatterAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "subject_unit", "person", "opened_on", "settled_on", "outcome"]
    list_filter = ["kind", "outcome"]
    autocomplete_fields = ["subject_unit", "person", "household", "enterprise"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
