from django.core.paginator import Page, Paginator
from django.db import models
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditEvent
from bimkemas.audit.services import audit_view


def access_log_page(
    *, actor: User, client: models.Model, page: int | str | None, per_page: int, reads_only: bool
) -> Page:
    """One page of a client's access log, newest first, for the web page and the API alike.
    Reading the log is itself a read of the client's data, so it is logged too."""
    events = AuditEvent.objects.for_client(client.pk).select_related("actor")
    if reads_only:
        events = events.views()
    shown = Paginator(events, per_page).get_page(page)
    shown.object_list = list(shown.object_list)  # this read is logged after what it shows
    audit_view(actor=actor, obj=client, client=client, what=_("Access log"))
    return shown
