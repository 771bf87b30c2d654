"""Admin for configuration only: programmes and facilities. Client records are changed
through the application's services (audited), never through the admin."""

from django.contrib import admin

from bimkemas.clients.models import Facility, Programme


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "caseload_weight", "is_active"]
    list_editable = ["caseload_weight", "is_active"]


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
