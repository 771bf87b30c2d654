"""Admin for configuration only: offices (whose stage fractions move every case's stage
dates), programmes and facilities. Client records are changed through the application's
services (audited), never through the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from bimkemas.accounts.models import Office, PosBapas, WorkArea
from bimkemas.clients.models import Facility, Programme
from bimkemas.clients.services import office_set_stage_fractions


class WorkAreaInline(admin.TabularInline):
    model = WorkArea
    extra = 0


class PosBapasInline(admin.TabularInline):
    model = PosBapas
    extra = 0


STAGE_FIELDS = ("stage_awal_end", "stage_lanjutan_end")


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "office_class", "stage_awal_end", "stage_lanjutan_end"]
    search_fields = ["name", "code"]
    inlines = [WorkAreaInline, PosBapasInline]

    def save_model(self, request, obj, form, change) -> None:
        """New stage fractions go through the service, which moves every case's stage dates."""
        fractions_changed = change and any(name in form.changed_data for name in STAGE_FIELDS)
        if not fractions_changed:
            super().save_model(request, obj, form, change)
            return
        awal_end, lanjutan_end = obj.stage_awal_end, obj.stage_lanjutan_end
        obj.stage_awal_end, obj.stage_lanjutan_end = (form.initial[n] for n in STAGE_FIELDS)
        super().save_model(request, obj, form, change)
        count = office_set_stage_fractions(
            actor=request.user, office=obj, awal_end=awal_end, lanjutan_end=lanjutan_end
        )
        self.message_user(
            request, _("Stage dates of %(count)d cases recomputed.") % {"count": count}
        )


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "caseload_weight", "is_active"]
    list_editable = ["caseload_weight", "is_active"]


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
