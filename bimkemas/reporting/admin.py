"""Admin for reporting configuration. Check-ins and schedules are written through the
application's services (audited), never here."""

from django.contrib import admin
from django.db import transaction

from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.reporting.models import (
    CaseSchedule,
    Excuse,
    OfficeReportingSettings,
    PeriodOutcome,
    ReportingDefault,
)

DEFAULT_FIELDS = ("frequency", "grace_days")


@admin.register(OfficeReportingSettings)
class OfficeReportingSettingsAdmin(admin.ModelAdmin):
    list_display = [
        "office",
        "home_visit_counts",
        "tpp_counts",
        "retention_days",
        "quiet_hours_start",
        "quiet_hours_end",
    ]
    list_select_related = ["office"]


@admin.register(ReportingDefault)
class ReportingDefaultAdmin(admin.ModelAdmin):
    """An office's default frequency per programme; each save is audited (old → new)."""

    list_display = ["office", "programme", "frequency", "grace_days"]
    list_filter = ["office", "programme", "frequency"]
    list_select_related = ["office", "programme"]

    def save_model(self, request, obj, form, change) -> None:
        before = snapshot(ReportingDefault.objects.get(pk=obj.pk), DEFAULT_FIELDS) if change else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit_record(
                actor=request.user,
                action=AuditAction.UPDATE if change else AuditAction.CREATE,
                obj=obj,
                summary=f"Reporting default {obj} (admin)",
                changes=changes_between(before, snapshot(obj, DEFAULT_FIELDS)),
            )


@admin.register(CaseSchedule)
class CaseScheduleAdmin(ReadOnlyAdmin):
    list_display = ["case", "frequency", "starts_on", "grace_days", "basis", "set_by"]
    list_filter = ["frequency", "basis", "case__office"]
    list_select_related = ["case__programme", "set_by"]
    search_fields = ["case__register_number"]


@admin.register(Excuse)
class ExcuseAdmin(ReadOnlyAdmin):
    list_display = ["case", "starts_on", "ends_on", "granted_by"]
    list_filter = ["case__office"]
    list_select_related = ["case__programme", "granted_by"]
    search_fields = ["case__register_number"]


@admin.register(PeriodOutcome)
class PeriodOutcomeAdmin(ReadOnlyAdmin):
    list_display = ["case", "starts_on", "ends_on", "outcome", "consecutive_misses", "computed_at"]
    list_filter = ["outcome", "case__office"]
    list_select_related = ["case__programme"]
    search_fields = ["case__register_number"]
    date_hierarchy = "starts_on"
