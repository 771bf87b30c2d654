import datetime as dt
import functools
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed")
    LIST = "list", _("Listed")
    DOWNLOAD = "download", _("Downloaded")
    ASSIGN = "assign", _("Assigned")
    STATUS = "status", _("Status changed")
    GRANT = "grant", _("Access granted")


READ_ACTIONS = [AuditAction.VIEW, AuditAction.LIST, AuditAction.DOWNLOAD]


@functools.cache
def _audited_model(model_name: str) -> type[models.Model] | None:
    for model in apps.get_models():
        if model._meta.model_name == model_name and model._meta.app_label != "audit":
            return model
    return None


def _field_label_and_display(model, name: str, value: Any) -> tuple[str, Any]:
    """A field's verbose name, and a stored code shown as its label ("L" → "Male")."""
    if model is None:
        return name, value
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return name, value
    choices = dict(getattr(field, "flatchoices", None) or ())
    label = str(getattr(field, "verbose_name", name))
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return label, _readable_date(value)
    return label, choices.get(value, value)


def _readable_date(value: Any) -> Any:
    """A date stored as ISO text ("2026-12-02") shown as people write it ("2 Desember 2026")."""
    try:
        return date_format(dt.date.fromisoformat(value), "j F Y")
    except (TypeError, ValueError):
        return value


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_client(self, client_pk: int) -> "AuditEventQuerySet":
        return self.filter(client_pk=client_pk)

    def views(self) -> "AuditEventQuerySet":
        return self.filter(action__in=READ_ACTIONS)


class AuditEvent(models.Model):
    """One write or read of personal data: who, when, from where, what, and what changed.

    Rows are only ever added. The object is any model (`content_type` + `object_id`, with
    `object_type` kept as its readable model name). `client_pk` ties every event about a
    person (their identity, contacts, cases, documents, a list that showed them) to that
    person, so a supervisor can read one client's log; it is a plain key, not a foreign
    key, so the audit layer knows nothing of the clients app.
    """

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, null=True, related_name="+"
    )
    client_pk = models.BigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    summary = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    channel = models.CharField(max_length=10, default="web")

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["client_pk", "-occurred_at"], name="audit_event_client_idx")
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}"

    @property
    def object_label(self) -> str:
        model = _audited_model(self.object_type)
        return str(model._meta.verbose_name) if model else self.object_type

    @property
    def labelled_changes(self) -> list[tuple[str, Any, Any]]:
        """(field label, old, new) with codes shown as their labels, for people to read."""
        model = _audited_model(self.object_type)
        rows = []
        for name, (old, new) in self.changes.items():
            label, old_shown = _field_label_and_display(model, name, old)
            _label, new_shown = _field_label_and_display(model, name, new)
            rows.append((label, old_shown, new_shown))
        return rows
