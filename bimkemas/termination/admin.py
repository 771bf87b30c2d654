"""Terminations are written through the application's services (audited); the admin only
reads them."""

from django.contrib import admin

from bimkemas.core.admin import ReadOnlyAdmin
from bimkemas.termination.models import Termination


@admin.register(Termination)
class TerminationAdmin(ReadOnlyAdmin):
    list_display = ["case", "kind", "on", "certificate_number", "to_office", "by"]
    list_filter = ["kind", "case__office"]
    list_select_related = ["case__programme", "to_office", "by"]
    search_fields = ["case__register_number", "certificate_number"]
