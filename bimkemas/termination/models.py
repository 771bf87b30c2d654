"""Ending a case: completion with its certificate, death, revocation, transfer to another
Bapas, after-care enrolment. One `Termination` per case records how and why it ended."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office
from bimkemas.clients.models import CaseDocument, SupervisionCase
from bimkemas.core.models import PublicIdModel

DEFAULT_CERTIFICATE_FORMAT = "{seq:03d}/SKB/{month_roman}/{year}/{code}"
AFTERCARE_MAX_MONTHS = 6
COMPLETION_DUE_DAYS = 7


class TerminationKind(models.TextChoices):
    COMPLETED = "completed", _("Guidance completed")
    DIED = "died", _("Client died")
    REVOKED = "revoked", _("Revoked")
    TRANSFERRED = "transferred", _("Transferred to another Bapas")


class Termination(PublicIdModel):
    case = models.OneToOneField(
        SupervisionCase, on_delete=models.PROTECT, related_name="termination"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=TerminationKind.choices)
    on = models.DateField(_("date"))
    reason = models.TextField(_("reason / notes"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Completion: the certificate's number, unique in the office.
    certificate_seq = models.PositiveIntegerField(null=True, blank=True, editable=False)
    certificate_number = models.CharField(_("certificate number"), max_length=100, blank=True)
    aftercare_months = models.PositiveSmallIntegerField(
        _("after-care (months)"), null=True, blank=True
    )
    # Death: the evidence (a death certificate, a letter from the village) among the case's
    # documents.
    evidence = models.ForeignKey(
        CaseDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Revocation: the decision that revoked the programme.
    decision_reference = models.CharField(_("decision reference"), max_length=200, blank=True)
    # Transfer: the receiving office and the case it opened there.
    to_office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    new_case = models.OneToOneField(
        SupervisionCase, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("termination")
        verbose_name_plural = _("terminations")
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return f"{self.case} ({self.kind})"
