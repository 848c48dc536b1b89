from django.contrib import admin

from movements.models import Movement


@admin.register(Movement)
class MovementAdmin(admin.ModelAdmin):
    list_display = ["name", "start_year", "end_year"]
