"""Admin for an office's TPP settings (number format, days to decide). Sessions, agendas and
transitions are written through the application's services (audited), never here."""

from django.contrib import admin
from django.db import transaction

from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.tpp.models import StageTransition, TppSession, TppSettings

FIELDS = ("number_format", "decision_days")


@admin.register(TppSettings)
class TppSettingsAdmin(admin.ModelAdmin):
    """Each save is audited (old → new)."""

    list_display = ["office", "number_format", "decision_days"]
    list_select_related = ["office"]

    def save_model(self, request, obj, form, change) -> None:
        before = snapshot(TppSettings.objects.get(pk=obj.pk), FIELDS) if change else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE if change else AuditAction.CREATE,
                obj=obj,
                summary=f"TPP settings of {obj.office} (admin)",
                changes=changes_between(before, snapshot(obj, FIELDS)),
            )


@admin.register(TppSession)
class TppSessionAdmin(ReadOnlyAdmin):
    list_display = ["number", "office", "held_on", "status"]
    list_filter = ["office", "status"]
    search_fields = ["number"]


@admin.register(StageTransition)
class StageTransitionAdmin(ReadOnlyAdmin):
    list_display = ["case", "from_stage", "to_stage", "effective_on", "decided_by"]
    list_filter = ["to_stage", "case__office"]
    list_select_related = ["case__programme", "decided_by"]
    search_fields = ["case__register_number"]
