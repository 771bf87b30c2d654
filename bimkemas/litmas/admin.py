from django.contrib import admin

from bimkemas.litmas.models import LitmasDeadline, LitmasOutline


@admin.register(LitmasDeadline)
class LitmasDeadlineAdmin(admin.ModelAdmin):
    list_display = ["office", "type", "working_days"]
    list_filter = ["office", "type"]


@admin.register(LitmasOutline)
class LitmasOutlineAdmin(admin.ModelAdmin):
    """A changed outline is a new version: save as new with a higher version number."""

    list_display = ["name", "version", "is_active", "created_at"]
    save_as = True
