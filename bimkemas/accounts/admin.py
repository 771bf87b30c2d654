from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Absence, ApiToken, Office, PosBapas, User, WorkArea
from bimkemas.clients.services import office_set_stage_fractions


class WorkAreaInline(admin.TabularInline):
    model = WorkArea
    extra = 0


class PosBapasInline(admin.TabularInline):
    model = PosBapas
    extra = 0


STAGE_FIELDS = ("stage_awal_end", "stage_lanjutan_end")


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
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


class AbsenceInline(admin.TabularInline):
    model = Absence
    fk_name = "officer"
    extra = 0


@admin.register(User)
class StaffAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "office", "role", "rank", "is_active"]
    list_filter = ["office", "role", "rank", "is_active"]
    search_fields = ["username", "first_name", "last_name", "nip"]
    filter_horizontal = ["work_areas", "groups", "user_permissions"]
    inlines = [AbsenceInline]
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Bapas"), {"fields": ("office", "role", "rank", "nip", "phone", "work_areas")}),
    )
    add_fieldsets = (
        *UserAdmin.add_fieldsets,
        (_("Bapas"), {"fields": ("office", "role", "rank")}),
    )


@admin.register(Absence)
class AbsenceAdmin(admin.ModelAdmin):
    list_display = ["officer", "kind", "starts_on", "ends_on", "seconded_to"]
    list_filter = ["kind", "officer__office"]
    autocomplete_fields = ["officer"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_hash", "prefix", "last_used_at"]
