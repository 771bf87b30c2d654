from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from bimkemas.accounts.models import Absence, ApiToken, User


class AbsenceInline(admin.TabularInline):
    model = Absence
    fk_name = "officer"
    extra = 0


@admin.register(User)
class StaffAdmin(SimpleHistoryAdmin, UserAdmin):
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
class AbsenceAdmin(SimpleHistoryAdmin):
    list_display = ["officer", "kind", "starts_on", "ends_on", "seconded_to"]
    list_filter = ["kind", "officer__office"]
    autocomplete_fields = ["officer"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_hash", "prefix", "last_used_at"]
