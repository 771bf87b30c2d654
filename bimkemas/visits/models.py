"""Home visits: planned from the worklist, recorded in the field (offline), ordered into day
routes.

- `HomeVisit`: one visit of a case's client at home, planned (with a date) or made without a
  plan; recorded once with the GPS position, the persons met, findings and up to three photos.
  `idempotency_key` (unique per case) makes a phone's queue sending it twice one record.
- `VisitPhoto`: a photo taken during the visit.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel, TimeStampedModel


class VisitReason(models.TextChoices):
    THREE_MISSES = "three_misses", _("Three missed reports")
    UNREACHABLE = "unreachable", _("Client unreachable")
    FINAL_STAGE = "final_stage", _("Tahap akhir home visit")
    ROUTINE = "routine", _("Routine visit")
    VIOLATION_CHECK = "violation_check", _("Checking a reported violation")
    OTHER = "other", _("Other")


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")
    NOT_FOUND = "not_found", _("Client not at home")


RECORDED_STATUSES = (VisitStatus.DONE, VisitStatus.NOT_FOUND)


class PersonKind(models.TextChoices):
    CLIENT = "client", _("The client")
    FAMILY = "family", _("Family member")
    RT_RW_HEAD = "rt_rw_head", _("RT/RW head")
    LURAH = "lurah_kepala_desa", _("Lurah / kepala desa")
    BHABINKAMTIBMAS = "bhabinkamtibmas", _("Bhabinkamtibmas")
    OTHER = "other", _("Someone else")


def visit_photo_path(instance: "VisitPhoto", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"visits/{dt.date.today():%Y/%m}/{uuid.uuid4()}.{suffix}"


class HomeVisitQuerySet(models.QuerySet["HomeVisit"]):
    def planned(self) -> "HomeVisitQuerySet":
        return self.filter(status=VisitStatus.PLANNED)

    def done(self) -> "HomeVisitQuerySet":
        return self.filter(status=VisitStatus.DONE)


class HomeVisit(PublicIdModel):
    """One home visit of a case's client by an officer."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.PROTECT, related_name="home_visits"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="home_visits",
        verbose_name=_("visiting officer"),
    )
    planned_on = models.DateField(
        _("planned for"), null=True, blank=True, help_text=_("Empty for an unplanned visit.")
    )
    reason = models.CharField(_("reason"), max_length=20, choices=VisitReason.choices)
    note = models.TextField(_("plan note"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=VisitStatus.choices,
        default=VisitStatus.PLANNED,
        db_index=True,
    )
    visited_at = models.DateTimeField(_("visited at"), null=True, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    accuracy_m = models.PositiveIntegerField(_("location accuracy (m)"), null=True, blank=True)
    # [{"kind": PersonKind, "name": str}, ...]
    persons_met = models.JSONField(_("persons met"), default=list, blank=True)
    findings = models.TextField(_("findings"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    idempotency_key = models.CharField(max_length=100, blank=True)
    # SHA-256 of what was recorded with the key: the same key with other content is refused.
    fingerprint = models.CharField(max_length=64, blank=True)
    checkin = models.ForeignKey(
        "reporting.CheckIn",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The wajib lapor contact the visit recorded."),
    )
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    objects = HomeVisitQuerySet.as_manager()

    # Not stored: True on the record a service returns for a retried submission (same key).
    replayed = False

    class Meta:
        ordering = ["-planned_on", "-visited_at", "-pk"]
        verbose_name = _("home visit")
        verbose_name_plural = _("home visits")
        indexes = [
            models.Index(fields=["case", "status", "visited_at"]),
            models.Index(fields=["officer", "status", "planned_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="home_visit_once_per_idempotency_key",
            )
        ]

    def __str__(self) -> str:
        when = self.visited_at or self.planned_on
        return f"{self.get_reason_display()} ({when:%d/%m/%Y})" if when else self.reason

    @property
    def is_recorded(self) -> bool:
        return self.status in RECORDED_STATUSES

    def persons_display(self) -> list[str]:
        labels = dict(PersonKind.choices)
        return [
            f"{labels.get(p.get('kind'), p.get('kind'))}: {p.get('name')}".rstrip(": ")
            for p in self.persons_met
        ]


class VisitPhoto(TimeStampedModel):
    visit = models.ForeignKey(HomeVisit, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=visit_photo_path)
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["pk"]
