"""Violations in the admin: a read-only list. They are opened by rules (the compliance scan)
or by the violations capability's services, audited, never here."""

from django.contrib import admin

from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.violations.models import Violation


@admin.register(Violation)
class ViolationAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "source", "occurred_on", "status", "decided_by"]
    list_filter = ["kind", "source", "status", "case__office"]
    list_select_related = ["case__programme", "decided_by"]
    search_fields = ["case__register_number", "source_key"]
    date_hierarchy = "occurred_on"
