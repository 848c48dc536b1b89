from django.contrib import admin

from movements.models import Milestone, Movement, Phase


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ["name", "start_year", "end_year"]
    inlines = [PhaseInline, MilestoneInline]
