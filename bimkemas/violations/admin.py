"""Violations in the admin: a read-only list. They are opened by rules (the compliance scan)
or by the violations capability's services, audited, never here."""

from django.contrib import admin

from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.violations.models import LadderRung, Violation, ViolationDecision


@admin.register(Violation)
class ViolationAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "source", "occurred_on", "status", "decided_by"]
    list_filter = ["kind", "source", "status", "case__office"]
    list_select_related = ["case__programme", "decided_by"]
    search_fields = ["case__register_number", "source_key"]
    date_hierarchy = "occurred_on"


@admin.register(ViolationDecision)
class ViolationDecisionAdmin(ReadOnlyAdmin):
    list_display = ["case", "rung_name", "decided_on", "letter_number", "by"]
    list_filter = ["proposes_revocation", "case__office"]
    list_select_related = ["case", "by"]
    search_fields = ["case__register_number", "letter_number"]


@admin.register(LadderRung)
class LadderRungAdmin(ReadOnlyAdmin):
    """Edited by the office's heads on /office/violation-ladder/ (audited), not here."""

    list_display = [
        "office",
        "position",
        "name",
        "produces_letter",
        "proposes_revocation",
        "active",
    ]
    list_filter = ["office", "active"]
