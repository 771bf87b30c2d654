from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed")
    DOWNLOAD = "download", _("Downloaded")
    ASSIGN = "assign", _("Assigned")
    STATUS = "status", _("Status changed")
    GRANT = "grant", _("Access granted")


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def for_client(self, client_id: int) -> "AuditEventQuerySet":
        return self.filter(client_id=client_id)

    def views(self) -> "AuditEventQuerySet":
        return self.filter(action__in=[AuditAction.VIEW, AuditAction.DOWNLOAD])


class AuditEvent(models.Model):
    """One write or read of personal data: who, when, from where, what, and what changed.

    Rows are only ever added. `client` ties every event about a person (their identity,
    contacts, cases, documents) to that person, so a supervisor can read one client's log.
    """

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, null=True, related_name="+"
    )
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, null=True, related_name="audit_events"
    )
    action = models.CharField(max_length=10, choices=AuditAction.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64)
    summary = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    channel = models.CharField(max_length=10, default="web")

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["client", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}"
