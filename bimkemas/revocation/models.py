"""Revocation (pencabutan) of a client's programme: one `Revocation` per request, its steps
recorded as dated `RevocationStep` rows (the state machine is workflow.py)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.clients.models import CaseDocument, Facility, SupervisionCase
from bimkemas.core.models import PublicIdModel, TimeStampedModel
from bimkemas.revocation.workflow import (
    FINAL_STATUSES,
    OPEN_STATUSES,
    SERVICE_STANDARD_DAYS,
    Route,
    Status,
    StepKind,
    next_step,
)
from bimkemas.tpp.models import AgendaItem
from bimkemas.violations.models import Violation, ViolationKind

TEXT_MAX = 4000
ASIMILASI_CODE = "ASIMILASI"  # clients.Programme.code of asimilasi (demo and fixtures)


class RevocationSettings(TimeStampedModel):
    """An office's revocation rules; an office without a row uses the defaults."""

    office = models.OneToOneField(
        "accounts.Office", on_delete=models.CASCADE, related_name="revocation_settings"
    )
    service_days = models.PositiveSmallIntegerField(
        _("service standard (working days)"),
        default=SERVICE_STANDARD_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Working days from the request to the report upward (DOMAIN: 20)."),
    )

    class Meta:
        verbose_name = _("revocation settings")
        verbose_name_plural = _("revocation settings")

    def __str__(self) -> str:
        return str(self.office)


def service_days_for(office_id: int) -> int:
    row = RevocationSettings.objects.filter(office_id=office_id).values("service_days").first()
    return row["service_days"] if row else SERVICE_STANDARD_DAYS


class RequestChannel(models.TextChoices):
    WRITTEN = "written", _("Written request (letter)")
    ORAL = "oral", _("Oral report, taken down")


class ReportRecipient(models.TextChoices):
    KANWIL = "kanwil", _("Regional office (Kanwil)")
    DITJENPAS = "ditjenpas", _("Directorate General of Corrections (Ditjenpas)")
    BOTH = "both", _("Kanwil and Ditjenpas")
    PRISON = "prison", _("Originating Lapas/Rutan")


class RevocationQuerySet(models.QuerySet["Revocation"]):
    def open(self) -> "RevocationQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self) -> "RevocationQuerySet":
        return self.filter(status__in=FINAL_STATUSES)

    def in_progress_first(self) -> "RevocationQuerySet":
        return self.annotate(
            is_closed=models.Case(
                models.When(status__in=FINAL_STATUSES, then=1),
                default=0,
                output_field=models.IntegerField(),
            )
        ).order_by("is_closed", "due_on", "-requested_on", "-pk")


class Revocation(PublicIdModel):
    """A request to revoke a case's programme and its course to the final decision."""

    case = models.ForeignKey(SupervisionCase, on_delete=models.PROTECT, related_name="revocations")
    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="revocations"
    )
    violation = models.ForeignKey(
        Violation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revocations",
        verbose_name=_("violation"),
    )
    route = models.CharField(_("route"), max_length=12, choices=Route.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    grounds = models.CharField(_("grounds"), max_length=20, choices=ViolationKind.choices)
    # The request: a letter (its sender, number, date) or an oral report taken down (who
    # reported, when, what). The letter itself is a case document on the request step.
    channel = models.CharField(_("request"), max_length=10, choices=RequestChannel.choices)
    requested_on = models.DateField(_("request date"))
    sender = models.CharField(_("sender / reported by"), max_length=200)
    letter_number = models.CharField(_("letter number"), max_length=100, blank=True)
    account = models.TextField(_("what was reported"), blank=True)
    # The office's service standard when the request came, and the date it gives.
    service_days = models.PositiveSmallIntegerField(default=SERVICE_STANDARD_DAYS)
    due_on = models.DateField(_("due"))
    # The prison that decides an asimilasi revocation (the case's origin unless changed).
    institution = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Lapas/Rutan"),
    )
    decision_reference = models.CharField(_("decree number"), max_length=200, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RevocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("revocation")
        verbose_name_plural = _("revocations")
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=~models.Q(status__in=["revoked", "not_revoked", "withdrawn"]),
                name="one_open_revocation_per_case",
            )
        ]
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["office", "requested_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.case.register_number} ({self.requested_on:%d/%m/%Y})"

    @property
    def is_open(self) -> bool:
        return self.status not in FINAL_STATUSES

    @property
    def next_step(self) -> str | None:
        return next_step(self.status, self.route)

    @property
    def next_step_label(self) -> str:
        step = self.next_step
        return str(StepKind(step).label) if step else ""


class RevocationStep(PublicIdModel):
    """One recorded step: its date, who recorded it, a note, the documents, and the values
    of its kind in `details` (questions and answers of the statement, the client's account,
    the TPP's members, the report's letter …; services.py validates them)."""

    revocation = models.ForeignKey(Revocation, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=12, choices=StepKind.choices)
    on = models.DateField(_("date"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)
    details = models.JSONField(default=dict, blank=True)
    # The TPP's recommendation, when it was taken in a session of the tpp app.
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    documents = models.ManyToManyField(CaseDocument, blank=True, related_name="+")
    status_after = models.CharField(max_length=20, choices=Status.choices)

    class Meta:
        verbose_name = _("revocation step")
        verbose_name_plural = _("revocation steps")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.on:%d/%m/%Y})"
