"""Violations of a client's general or special conditions (DOMAIN.md §4).

A `Violation` is opened by a rule (wajib lapor's three-miss rule, a confirmed record match)
or recorded by an officer from a complaint, a home visit, a police or prison notice or their
own finding, with its evidence and `ViolationAttachment`s. The officer answers it with one
`ViolationDecision` on the office's ladder of `LadderRung`s (counselling, written warnings,
revocation proposal), or dismisses it with a reason.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office
from bimkemas.core.models import PublicIdModel

# Surat peringatan / teguran: "001/SP/XII/2026/PLG", per office and year.
LETTER_NUMBER_FORMAT = "{seq:03d}/SP/{month_roman}/{year}/{code}"


class ViolationKind(models.TextChoices):
    # General conditions (syarat umum): a new offence.
    SUSPECT = "suspect", _("New offence: named as a suspect")
    NEW_OFFENCE = "new_offence", _("New offence: convicted")
    # Special conditions (syarat khusus).
    PUBLIC_UNREST = "unrest", _("Causing public unrest")
    THREE_MISSES = "three_misses", _("Three consecutive missed reports")
    ADDRESS_CHANGE = "address", _("Change of address not reported")
    PROGRAMME = "programme", _("Not following the guidance programme")


class ViolationSource(models.TextChoices):
    REPORTING = "reporting", _("Reporting record (three-miss rule)")
    COMPLAINT = "complaint", _("Complaint")
    HOME_VISIT = "home_visit", _("Home visit")
    NOTICE = "notice", _("Police or prison notice")
    MATCH = "match", _("Record match")
    OFFICER = "officer", _("Officer's own finding")


GENERAL_KINDS = frozenset({ViolationKind.SUSPECT, ViolationKind.NEW_OFFENCE})


class ViolationStatus(models.TextChoices):
    OPEN = "open", _("Awaiting the officer's decision")
    DECIDED = "decided", _("Decided")
    DISMISSED = "dismissed", _("Dismissed")


class Violation(PublicIdModel):
    """One suspected violation of one case. `source_key` makes an automatic opening
    idempotent: the same rule firing twice for the same periods opens one record."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.PROTECT, related_name="violations"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ViolationKind.choices)
    source = models.CharField(_("source"), max_length=20, choices=ViolationSource.choices)
    source_key = models.CharField(max_length=100, blank=True)
    occurred_on = models.DateField(_("date"))
    summary = models.CharField(_("summary"), max_length=300)
    evidence = models.TextField(_("evidence"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ViolationStatus.choices, default=ViolationStatus.OPEN
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("decision"), blank=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "source", "source_key"],
                condition=~models.Q(source_key=""),
                name="violation_once_per_source_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.occurred_on:%d/%m/%Y})"

    @property
    def is_open(self) -> bool:
        return self.status == ViolationStatus.OPEN

    @property
    def condition(self) -> str:
        """Which of the client's conditions it breaks: general or special."""
        return str(_("General condition") if self.kind in GENERAL_KINDS else _("Special condition"))


class LadderRung(PublicIdModel):
    """One step of an office's response ladder, lowest `position` first. A rung once used by
    a decision is never deleted (PROTECT), only made inactive."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    letter_title = models.CharField(
        _("letter title"),
        max_length=150,
        blank=True,
        help_text=_("The title printed on the letter; empty: the name."),
    )
    position = models.PositiveSmallIntegerField(_("order"))
    produces_letter = models.BooleanField(_("produces a letter"), default=True)
    proposes_revocation = models.BooleanField(_("proposes revocation"), default=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["office", "position", "pk"]
        verbose_name = _("ladder rung")
        verbose_name_plural = _("ladder rungs")

    def __str__(self) -> str:
        return self.name

    @property
    def title(self) -> str:
        return (self.letter_title or self.name).upper()


class ViolationDecision(PublicIdModel):
    """The officer's response to one violation: a rung of the ladder, numbered when it
    produces a letter. The rung's name and flags are kept as they were when decided."""

    violation = models.OneToOneField(Violation, on_delete=models.CASCADE, related_name="decision")
    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.PROTECT, related_name="violation_decisions"
    )
    rung = models.ForeignKey(LadderRung, on_delete=models.PROTECT, related_name="decisions")
    rung_name = models.CharField(_("response"), max_length=100)
    rung_title = models.CharField(max_length=150)
    produces_letter = models.BooleanField(default=False)
    proposes_revocation = models.BooleanField(default=False)
    suggested = models.ForeignKey(
        LadderRung, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"))
    note = models.TextField(_("notes"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    letter_seq = models.PositiveIntegerField(null=True, blank=True, editable=False)
    letter_number = models.CharField(_("letter number"), max_length=100, blank=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("violation decision")
        verbose_name_plural = _("violation decisions")

    def __str__(self) -> str:
        return f"{self.rung_name} ({self.decided_on:%d/%m/%Y})"


def attachment_path(instance: "ViolationAttachment", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    violation = instance.violation
    return (
        f"violations/{violation.case.office_id}/{violation.public_id}/{instance.public_id}.{suffix}"
    )


class ViolationAttachment(PublicIdModel):
    """Evidence as a file (a letter, a photo, a notice). Served only through an
    access-checked, audited view."""

    violation = models.ForeignKey(Violation, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
