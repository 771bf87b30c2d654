"""A client's choice not to receive reminders through a channel (WhatsApp, SMS), recorded by
their officer; reminders (`reporting.reminders`) then use another channel or none."""

from django.db import transaction
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import writable_clients
from bimkemas.clients.models import Client
from bimkemas.core.errors import ApplicationError
from bimkemas.notifications.models import Channel
from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.reminders import REMINDER_CHANNELS


def client_opt_out_set(
    *, actor: User, client: Client, channel: str, opted_out: bool
) -> ClientAccess:
    """Stop (`opted_out`) or resume reminders to `client` through `channel`."""
    if not writable_clients(actor).filter(pk=client.pk).exists():
        raise ApplicationError(_("Only the client's officer or a supervisor may do this."))
    if channel not in REMINDER_CHANNELS:
        raise ApplicationError(_("Choose WhatsApp or SMS."), field="channel")
    with transaction.atomic():
        access, _created = ClientAccess.objects.select_for_update().get_or_create(client=client)
        before = sorted(access.opted_out_channels or [])
        after = sorted(set(before) | {channel} if opted_out else set(before) - {channel})
        if after == before:
            return access
        access.opted_out_channels = after
        access.save(update_fields=["opted_out_channels", "updated_at"])
        label = Channel(channel).label
        summary = (
            _("Reminders by %(channel)s stopped at the client's request")
            if opted_out
            else _("Reminders by %(channel)s resumed")
        ) % {"channel": label}
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=access,
            client=client,
            summary=summary,
            changes={"opted_out_channels": [before, after]},
        )
    return access
