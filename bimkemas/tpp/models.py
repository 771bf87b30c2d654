"""TPP sessions (Tim Pengamat Pemasyarakatan): agenda, attendance, recommendations, decisions,
stage transitions, minutes.

A case's *confirmed* stage is the `to_stage` of its latest `StageTransition` (tahap awal
when it has none): the stage the TPP decided, as opposed to the stage its dates say.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.stages import Stage
from bimkemas.core.models import PublicIdModel, TimeStampedModel

DEFAULT_NUMBER_FORMAT = "TPP.{seq}/{month_roman}/{year}/{code}"
DEFAULT_DECISION_DAYS = 14
# The stage that follows each guidance stage: what a TPP decides a case moves to.
NEXT_STAGE = {Stage.AWAL: Stage.LANJUTAN, Stage.LANJUTAN: Stage.AKHIR}
STAGE_ORDER = {Stage.AWAL: 0, Stage.LANJUTAN: 1, Stage.AKHIR: 2}
OVERRIDE_REASON_MIN = 20


class TppSettings(TimeStampedModel):
    """An office's TPP rules; an office without a row uses the defaults."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="tpp_settings")
    number_format = models.CharField(
        _("session number format"),
        max_length=100,
        default=DEFAULT_NUMBER_FORMAT,
        help_text=_("Placeholders: {seq}, {month_roman}, {month}, {year}, {code}."),
    )
    decision_days = models.PositiveSmallIntegerField(
        _("days to decide a stage transition"),
        default=DEFAULT_DECISION_DAYS,
        help_text=_("A case is due for a TPP decision this many days after its new stage began."),
    )

    class Meta:
        verbose_name = _("TPP settings")
        verbose_name_plural = _("TPP settings")

    def __str__(self) -> str:
        return str(self.office)

    def clean(self) -> None:
        sample = {"seq": 1, "month_roman": "XII", "month": 12, "year": 2026, "code": "PLG"}
        try:
            number = self.number_format.format(**sample)
        except (KeyError, IndexError, ValueError) as error:
            raise ValidationError(
                {"number_format": _("Use only the placeholders listed.")}
            ) from error
        if "{seq" not in self.number_format or not number.strip():
            raise ValidationError({"number_format": _("The number must contain {seq}.")})


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")


class TppSession(PublicIdModel):
    """One sidang TPP of an office."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="tpp_sessions")
    year = models.PositiveSmallIntegerField(editable=False)
    seq = models.PositiveIntegerField(editable=False)
    number = models.CharField(_("number"), max_length=100)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chair"),
    )
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("secretary"),
    )
    notes = models.TextField(_("notes"), blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("TPP session")
        verbose_name_plural = _("TPP sessions")
        ordering = ["-held_on", "-seq"]
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="unique_tpp_number"),
            models.UniqueConstraint(fields=["office", "year", "seq"], name="unique_tpp_seq"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_closed(self) -> bool:
        return self.status == SessionStatus.CLOSED


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    SECRETARY = "secretary", _("Secretary")
    MEMBER = "member", _("Member")
    GUEST = "guest", _("Guest")


class TppMember(PublicIdModel):
    """Who sat in a session: a staff member, or an outsider by name and institution."""

    session = models.ForeignKey(TppSession, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices)
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=models.Q(user__isnull=False),
                name="one_row_per_staff_member",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return str(self.user) if self.user_id else self.name


class AgendaKind(models.TextChoices):
    STAGE_TRANSITION = "stage_transition", _("Stage transition")
    PLAN_APPROVAL = "plan_approval", _("Plan approval")
    REVOCATION = "revocation_recommendation", _("Revocation recommendation")
    LITMAS = "litmas_recommendation", _("Litmas recommendation")
    OTHER = "other", _("Other")


# Agenda items that are new information about the client: the case is re-assessed.
REASSESSMENT_KINDS = (AgendaKind.REVOCATION, AgendaKind.OTHER)


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")


class AgendaItem(PublicIdModel):
    session = models.ForeignKey(TppSession, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey(SupervisionCase, on_delete=models.PROTECT, related_name="tpp_items")
    kind = models.CharField(_("kind"), max_length=30, choices=AgendaKind.choices)
    from_stage = models.CharField(_("from stage"), max_length=10, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to stage"), max_length=10, choices=Stage.choices, blank=True)
    presented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("presented by"),
    )
    summary = models.TextField(_("summary"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.session} / {self.case.register_number}"


class StageTransition(PublicIdModel):
    """A case moved to its next stage: by a TPP decision or a supervisor's override."""

    case = models.ForeignKey(
        SupervisionCase, on_delete=models.PROTECT, related_name="stage_transitions"
    )
    from_stage = models.CharField(_("from stage"), max_length=10, choices=Stage.choices)
    to_stage = models.CharField(_("to stage"), max_length=10, choices=Stage.choices)
    effective_on = models.DateField(_("effective on"))
    agenda_item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transition",
    )
    override_reason = models.TextField(_("override reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("stage transition")
        verbose_name_plural = _("stage transitions")
        ordering = ["effective_on", "id"]
        indexes = [models.Index(fields=["case", "effective_on"])]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_stage} → {self.to_stage}"
