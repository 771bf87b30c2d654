import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from bimkemas.accounts.models import User
from bimkemas.audit.context import request_origin
from bimkemas.audit.models import AuditAction, AuditEvent


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
    client: models.Model | None = None,
    summary: str = "",
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit row. Call inside the same transaction as the write it describes.

    `client` is the person the event is about, if any: the row joins that client's access log.
    """
    ip_address, channel = request_origin.get()
    object_id = getattr(obj, "public_id", None) or obj.pk
    return AuditEvent.objects.create(
        actor=actor,
        office_id=getattr(obj, "office_id", None) or getattr(client, "office_id", None),
        client_pk=client.pk if client is not None else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_type=obj._meta.model_name or "",
        object_id=str(object_id),
        summary=summary[:300],
        changes=dict(changes or {}),
        ip_address=ip_address,
        channel=channel,
    )


def audit_client_view(*, actor: User, client: models.Model, what: str = "") -> AuditEvent:
    return audit_view(actor=actor, obj=client, client=client, what=what)


def audit_view(
    *, actor: User, obj: models.Model, client: models.Model | None, what: str = ""
) -> AuditEvent:
    """A page or answer that showed a record's personal data: a read, in the client's log."""
    return audit_record(actor=actor, action=AuditAction.VIEW, obj=obj, client=client, summary=what)


def audit_clients_listed(
    *, actor: User, clients: Sequence[models.Model], where: str, query: str = ""
) -> None:
    """A list or search that showed clients is a read of each: one row per client shown,
    with the query that found them, so each client's access log says who saw them where."""
    if not clients:
        return
    summary = f"{where}: {query}" if query else where
    ip_address, channel = request_origin.get()
    content_type = ContentType.objects.get_for_model(clients[0])
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            office_id=getattr(client, "office_id", None),
            client_pk=client.pk,
            action=AuditAction.LIST,
            content_type=content_type,
            object_type=client._meta.model_name or "",
            object_id=str(getattr(client, "public_id", None) or client.pk),
            summary=summary[:300],
            ip_address=ip_address,
            channel=channel,
        )
        for client in clients
    )
