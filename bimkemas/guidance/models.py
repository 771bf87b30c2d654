"""The guidance programme per stage: plans, activities, evaluations (progress reports).

A stage (tahap awal, lanjutan, akhir) has a plan (`StagePlan` with its `PlanItem`s), the
sessions that carry it out (`GuidanceSession`, one `Attendance` per client) and, at its end,
an evaluation (`Evaluation`, the laporan perkembangan). Plans and evaluations are versioned:
changing an agreed plan or an approved evaluation writes a new version; the old one stays
in force until the new one is agreed or approved, then it is superseded. Nothing is
overwritten.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel


class GuidanceStage(models.TextChoices):
    """The three stages that have a plan and an evaluation (clients.stages.Stage's values)."""

    AWAL = "awal", _("Tahap awal")
    LANJUTAN = "lanjutan", _("Tahap lanjutan")
    AKHIR = "akhir", _("Tahap akhir")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AGREED = "agreed", _("Agreed")
    SUPERSEDED = "superseded", _("Superseded")


class AgreementMethod(models.TextChoices):
    PAPER = "paper", _("Signed on paper")
    VERBAL = "verbal", _("Agreed verbally")
    APP = "app", _("Agreed in the app")


class GuidanceKind(models.TextChoices):
    KEPRIBADIAN = "kepribadian", _("Personality guidance (kepribadian)")
    KEMANDIRIAN = "kemandirian", _("Independence guidance (kemandirian)")


class GuidanceArea(models.TextChoices):
    RELIGION = "religion", _("Religion")
    LEGAL = "legal", _("Legal awareness")
    HEALTH = "health", _("Health")
    ATTITUDE = "attitude", _("Attitude and behaviour")
    SKILLS = "skills", _("Skills")
    WORK = "work", _("Work")
    FAMILY = "family", _("Family")
    SUBSTANCE = "substance", _("Substance use")
    OTHER = "other", _("Other")


# Which kind of guidance an area belongs to, for items proposed from an area alone.
AREA_KIND = {
    GuidanceArea.SKILLS: GuidanceKind.KEMANDIRIAN,
    GuidanceArea.WORK: GuidanceKind.KEMANDIRIAN,
}


class GuidanceMethod(models.TextChoices):
    CASEWORK = "casework", _("Casework (individual)")
    GROUPWORK = "groupwork", _("Groupwork (group)")


class StagePlan(PublicIdModel):
    """The rencana program bimbingan of one stage of one case, one version of it."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="stage_plans"
    )
    stage = models.CharField(_("stage"), max_length=10, choices=GuidanceStage.choices)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    client_agreed_on = models.DateField(_("client agreed on"), null=True, blank=True)
    agreement_method = models.CharField(
        _("how the client agreed"), max_length=10, choices=AgreementMethod.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A supervisor may also approve a plan (or a TPP session does, recorded by tpp).
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["case", "stage", "-version"]
        verbose_name = _("stage plan")
        verbose_name_plural = _("stage plans")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "stage", "version"], name="stage_plan_version_unique"
            ),
            # At most one draft and one agreed version of a stage's plan at a time.
            models.UniqueConstraint(
                fields=["case", "stage", "status"],
                condition=Q(status__in=["draft", "agreed"]),
                name="stage_plan_one_draft_one_agreed",
            ),
        ]
        indexes = [models.Index(fields=["case", "stage", "status"])]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} v{self.version}"

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def is_agreed(self) -> bool:
        return self.status == PlanStatus.AGREED


class PlanItem(PublicIdModel):
    plan = models.ForeignKey(StagePlan, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind of guidance"), max_length=12, choices=GuidanceKind.choices)
    area = models.CharField(_("area"), max_length=12, choices=GuidanceArea.choices)
    description = models.CharField(_("description"), max_length=500)
    method = models.CharField(_("method"), max_length=10, choices=GuidanceMethod.choices)
    frequency = models.CharField(_("frequency"), max_length=100, blank=True)
    per_month = models.PositiveSmallIntegerField(
        _("sessions per month"), default=1, help_text=_("For counting what was done.")
    )
    responsible = models.CharField(
        _("responsible"),
        max_length=200,
        blank=True,
        help_text=_("The PK, another staff member or a partner such as a Pokmas Lipas."),
    )
    need_codes = models.JSONField(_("linked needs"), default=list, blank=True)
    standard = models.BooleanField(default=False)  # one of the stage's standard items

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self) -> str:
        return self.description


class SessionKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    GROUP = "group", _("Group")


class GuidanceSession(PublicIdModel):
    """One guidance activity: an individual session (one attendance) or a group session."""

    office = models.ForeignKey(
        "accounts.Office", on_delete=models.CASCADE, related_name="guidance_sessions"
    )
    held_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices)
    method = models.CharField(_("method"), max_length=10, choices=GuidanceMethod.choices)
    area = models.CharField(_("area"), max_length=12, choices=GuidanceArea.choices)
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # SET_NULL: staff accounts are deactivated, not deleted; if one ever is, the session stays.
    led_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("led by"),
    )
    partner = models.CharField(_("partner"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("guidance session")
        verbose_name_plural = _("guidance sessions")
        indexes = [models.Index(fields=["office", "held_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


def session_photo_path(instance: "SessionPhoto", filename: str) -> str:
    return f"guidance/sessions/{instance.session.public_id}/{filename}"


class SessionPhoto(models.Model):
    session = models.ForeignKey(GuidanceSession, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=session_photo_path)
    content_type = models.CharField(max_length=50)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.file.name


class AttendanceStatus(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class Attendance(models.Model):
    session = models.ForeignKey(
        GuidanceSession, on_delete=models.CASCADE, related_name="attendances"
    )
    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(
        _("attendance"),
        max_length=10,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.ATTENDED,
    )
    plan_item = models.ForeignKey(
        PlanItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("plan item"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "case"], name="attendance_once_per_case")
        ]
        indexes = [models.Index(fields=["case", "status"])]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_status_display()}"


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded")


OPEN_EVALUATION_STATUSES = (
    EvaluationStatus.DRAFT,
    EvaluationStatus.SUBMITTED,
    EvaluationStatus.RETURNED,
)


class Recommendation(models.TextChoices):
    CONTINUE = "continue", _("Continue to the next stage")
    EXTEND = "extend", _("Extend the stage")
    REVOKE = "revoke", _("Propose revocation")
    COMPLETE = "complete", _("Complete the guidance")


class Evaluation(PublicIdModel):
    """The laporan perkembangan of one stage of one case, one version of it."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="evaluations"
    )
    stage = models.CharField(_("stage"), max_length=10, choices=GuidanceStage.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.DRAFT,
    )
    prefill = models.JSONField(default=dict, blank=True)
    progress_summary = models.TextField(_("progress summary"), blank=True)
    attitude = models.TextField(_("attitude and behaviour"), blank=True)
    compliance_judgement = models.TextField(_("compliance with the conditions"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=10, choices=Recommendation.choices, blank=True
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    return_note = models.TextField(_("why it was returned"), blank=True)

    class Meta:
        ordering = ["case", "stage", "-version"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "stage", "version"], name="evaluation_version_unique"
            ),
            models.UniqueConstraint(
                fields=["case", "stage"],
                condition=Q(status__in=["draft", "submitted", "returned"]),
                name="evaluation_one_open_version",
            ),
            models.UniqueConstraint(
                fields=["case", "stage"],
                condition=Q(status="approved"),
                name="evaluation_one_approved_version",
            ),
        ]
        indexes = [models.Index(fields=["case", "stage", "status"])]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in (EvaluationStatus.DRAFT, EvaluationStatus.RETURNED)

    @property
    def is_complete(self) -> bool:
        """The PK's judgement is written: it may be submitted."""
        return bool(self.progress_summary.strip() and self.recommendation)
