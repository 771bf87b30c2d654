from django.contrib import admin

from bimkemas.notifications.models import DeliveryAttempt, Notification


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["started_at", "transport", "ok", "detail"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """To look into delivery; rows are written by services and the delivery job only."""

    list_display = ["created_at", "recipient", "channel", "subject", "status", "attempts"]
    list_filter = ["status", "channel"]
    search_fields = ["purpose_key", "subject", "address"]
    date_hierarchy = "created_at"
    inlines = [DeliveryAttemptInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
