from django.contrib import admin

from bimkemas.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: audit rows are only ever added by the application."""

    list_display = ["occurred_at", "actor", "office", "action", "object_type", "summary"]
    list_filter = ["action", "channel", "office"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
