from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that only the application's audited services write: shown, never edited here."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
