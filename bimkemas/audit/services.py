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


def _event(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    client_pk: int | None,
    office_id: int | None,
    summary: str,
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """An unsaved row with where the request came from (IP, channel)."""
    ip_address, channel = request_origin.get()
    return AuditEvent(
        actor=actor,
        office_id=office_id,
        client_pk=client_pk,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_type=obj._meta.model_name or "",
        object_id=str(getattr(obj, "public_id", None) or obj.pk),
        summary=summary[:300],
        changes=dict(changes or {}),
        ip_address=ip_address,
        channel=channel,
    )


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
    event = _event(
        actor=actor,
        action=action,
        obj=obj,
        client_pk=client.pk if client is not None else None,
        office_id=getattr(obj, "office_id", None) or getattr(client, "office_id", None),
        summary=summary,
        changes=changes,
    )
    event.save()
    return event


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
    summary = f"{where}: {query}" if query else where
    AuditEvent.objects.bulk_create(
        _event(
            actor=actor,
            action=AuditAction.LIST,
            obj=client,
            client_pk=client.pk,
            office_id=getattr(client, "office_id", None),
            summary=summary,
        )
        for client in clients
    )


def audit_events_shown(*, actor: User, events: Sequence[AuditEvent], where: str) -> None:
    """Audit rows shown to someone (the admin's audit pages) reveal what they describe: one
    read per client concerned, so that client's access log says who looked."""
    first_per_client: dict[int, AuditEvent] = {}
    for event in events:
        if event.client_pk is not None:
            first_per_client.setdefault(event.client_pk, event)
    AuditEvent.objects.bulk_create(
        _event(
            actor=actor,
            action=AuditAction.VIEW,
            obj=event,
            client_pk=client_pk,
            office_id=event.office_id,
            summary=where,
        )
        for client_pk, event in first_per_client.items()
    )


def audit_records(
    *, actor: User | None, action: str, rows: Iterable[tuple[models.Model, int | None, str]]
) -> None:
    """Many audit rows of one action in one INSERT, for a job's bulk writes: each row is
    (object, the client's pk or None, summary); the office is the object's or None."""
    AuditEvent.objects.bulk_create(
        _event(
            actor=actor,
            action=action,
            obj=obj,
            client_pk=client_pk,
            office_id=getattr(obj, "office_id", None),
            summary=summary,
        )
        for obj, client_pk, summary in rows
    )
