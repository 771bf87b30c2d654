"""Revocations are written through the application's services (audited); the admin reads
them and edits an office's service standard (each save audited)."""

from django.contrib import admin
from django.db import transaction

from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.revocation.models import Revocation, RevocationSettings

FIELDS = ("service_days",)


@admin.register(RevocationSettings)
class RevocationSettingsAdmin(admin.ModelAdmin):
    list_display = ["office", "service_days"]
    list_select_related = ["office"]

    def save_model(self, request, obj, form, change) -> None:
        before = snapshot(RevocationSettings.objects.get(pk=obj.pk), FIELDS) if change else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE if change else AuditAction.CREATE,
                obj=obj,
                summary=f"Revocation settings of {obj.office} (admin)",
                changes=changes_between(before, snapshot(obj, FIELDS)),
            )


@admin.register(Revocation)
class RevocationAdmin(ReadOnlyAdmin):
    list_display = ["case", "status", "route", "requested_on", "due_on"]
    list_filter = ["status", "route", "office"]
    list_select_related = ["case__programme"]
    search_fields = ["case__register_number"]
