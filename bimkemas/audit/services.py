import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import models

from bimkemas.accounts.models import User
from bimkemas.audit.context import request_origin
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import Client


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.date | Decimal):
        return str(value)
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The audited fields of a record, as JSON-safe values."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list]:
    """{field: [old, new]} for every field whose value differs."""
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    client: Client | None = None,
    summary: str = "",
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit row. Call inside the same transaction as the write it describes."""
    ip_address, channel = request_origin.get()
    object_id = getattr(obj, "public_id", None) or obj.pk
    return AuditEvent.objects.create(
        actor=actor,
        office_id=getattr(obj, "office_id", None) or getattr(client, "office_id", None),
        client=client,
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=str(object_id),
        summary=summary[:300],
        changes=dict(changes or {}),
        ip_address=ip_address,
        channel=channel,
    )


def audit_client_view(*, actor: User, client: Client, what: str = "") -> AuditEvent:
    return audit_record(
        actor=actor, action=AuditAction.VIEW, obj=client, client=client, summary=what
    )
