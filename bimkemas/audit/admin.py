from django.contrib import admin
from django.utils.translation import gettext as _

from bimkemas.audit.models import AuditEvent
from bimkemas.audit.services import audit_events_shown
from bimkemas.core.admin import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: audit rows are only ever added by the application. Their summaries carry
    personal data, so reading them here is itself recorded in each client's access log."""

    list_display = ["occurred_at", "actor", "office", "action", "object_type", "summary"]
    list_filter = ["action", "channel", "office"]
    date_hierarchy = "occurred_at"

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            events = list(changelist.result_list)
            audit_events_shown(actor=request.user, events=events, where=_("Audit log (admin)"))
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        event = self.get_object(request, object_id)
        if event is not None and response.status_code == 200:
            audit_events_shown(actor=request.user, events=[event], where=_("Audit log (admin)"))
        return response
