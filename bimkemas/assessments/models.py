"""Risk and needs assessments: instruments defined as versioned data, assessments scored into bands
and need domains (DOMAIN.md §6).

An `Instrument` row is one version of one instrument (code + version). Its `definition` is JSON
checked by `definitions.validate_definition`; once published it never changes: editing makes a
new draft version, and every assessment keeps the version it was taken with.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel

EXAMPLE_NOTE = "Contoh — periksa terhadap teks resmi"


class InstrumentKind(models.TextChoices):
    RISK = "risk", _("Risk")
    NEEDS = "needs", _("Needs")


class InstrumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class InstrumentQuerySet(models.QuerySet["Instrument"]):
    def published(self) -> "InstrumentQuerySet":
        return self.filter(status=InstrumentStatus.PUBLISHED)


class Instrument(PublicIdModel):
    """One version of an assessment instrument; its items, scores, bands and need domains are
    data (`definition`)."""

    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=InstrumentKind.choices)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InstrumentStatus.choices,
        default=InstrumentStatus.DRAFT,
    )
    definition = models.JSONField(_("definition"), default=dict)
    note = models.CharField(_("note"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "code", "-version"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="instrument_code_version"),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(status="published"),
                name="instrument_one_published_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def is_editable(self) -> bool:
        return self.status == InstrumentStatus.DRAFT

    @property
    def items(self) -> list[dict]:
        return list(self.definition.get("items", []))


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft (answers missing)")
    SCORED = "scored", _("Scored")


class AssessmentReason(models.TextChoices):
    INITIAL = "initial", _("Initial assessment")
    YEARLY = "yearly", _("Yearly reassessment")
    NEW_INFORMATION = "new_information", _("New information")
    REQUEST = "request", _("Request (e.g. TPP)")


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def scored(self) -> "AssessmentQuerySet":
        return self.filter(status=AssessmentStatus.SCORED)


class Assessment(PublicIdModel):
    """One assessment of one client with one instrument version. A draft holds the answers given
    so far; a scored assessment is never changed again (a correction is a new assessment)."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="assessments"
    )
    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.PROTECT, related_name="assessments"
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(
        _("kind"), max_length=10, choices=InstrumentKind.choices, editable=False
    )  # the instrument's kind, copied so "latest risk assessment" is one indexed query
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_on = models.DateField(_("assessed on"))
    answers = models.JSONField(_("answers"), default=dict)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AssessmentStatus.choices,
        default=AssessmentStatus.DRAFT,
    )
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    band = models.CharField(_("band"), max_length=60, blank=True)
    need_levels = models.JSONField(_("need levels"), default=dict, blank=True)
    reason = models.CharField(
        _("reason"),
        max_length=20,
        choices=AssessmentReason.choices,
        default=AssessmentReason.INITIAL,
    )
    note = models.TextField(_("note"), blank=True)
    sources = models.CharField(
        _("sources of information"),
        max_length=300,
        blank=True,
        help_text=_("Interview, home visit, documents, family, local government…"),
    )
    scored_at = models.DateTimeField(null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [
            models.Index(fields=["client", "kind", "status", "assessed_on"]),
            models.Index(fields=["case", "status", "assessed_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(score__isnull=False),
                name="assessment_scored_has_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrument} {self.assessed_on:%d/%m/%Y}"

    @property
    def is_draft(self) -> bool:
        return self.status == AssessmentStatus.DRAFT


class TriggerReason(models.TextChoices):
    NEW_VIOLATION = "new_violation", _("New violation")
    TPP_REQUEST = "tpp_request", _("TPP request")
    OTHER = "other", _("Other new information")


class ReassessmentTrigger(PublicIdModel):
    """New information that makes a case's reassessment due before its yearly date. Resolved by
    the first scored risk assessment after it."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="reassessment_triggers"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=TriggerReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolved_by_assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="triggers"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reassessment trigger")
        verbose_name_plural = _("reassessment triggers")
        indexes = [models.Index(fields=["case", "resolved_by_assessment"])]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.created_at:%d/%m/%Y})"


class AssessmentSettings(models.Model):
    """An office's reassessment rules; built-in values apply to an office without a row."""

    office = models.OneToOneField(
        "accounts.Office", on_delete=models.CASCADE, related_name="assessment_settings"
    )
    initial_days = models.PositiveSmallIntegerField(
        _("first assessment due (days after guidance starts)"),
        default=30,
        validators=[MaxValueValidator(365)],
    )
    interval_months = models.PositiveSmallIntegerField(
        _("reassess every (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    trigger_days = models.PositiveSmallIntegerField(
        _("reassessment after new information due within (days)"),
        default=14,
        validators=[MaxValueValidator(365)],
    )

    class Meta:
        verbose_name = _("office assessment settings")
        verbose_name_plural = _("office assessment settings")

    def __str__(self) -> str:
        return str(self.office)

    @classmethod
    def for_offices(cls, office_ids) -> dict[int, "AssessmentSettings"]:
        """The settings of each office, the built-in values where an office has no row."""
        rows = {s.office_id: s for s in cls.objects.filter(office_id__in=list(office_ids))}
        return {oid: rows.get(oid) or cls(office_id=oid) for oid in office_ids}
