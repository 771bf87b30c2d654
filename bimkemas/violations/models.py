"""Violations of a client's general or special conditions (DOMAIN.md §4).

This is the minimal record that wajib lapor's three-miss rule opens for the officer's
decision; the violations capability (decisions ladder, letters, revocation) extends it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel


class ViolationKind(models.TextChoices):
    NEW_OFFENCE = "new_offence", _("New offence (suspect or convicted)")
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
