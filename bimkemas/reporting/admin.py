"""Admin for reporting configuration. Check-ins and schedules are written through the
application's services (audited), never here."""

from django.contrib import admin

from bimkemas.reporting.models import OfficeReportingSettings


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
