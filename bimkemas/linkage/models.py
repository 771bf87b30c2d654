"""External records (prison admissions from the SDP of a Lapas/Rutan, court decisions from a
court's SIPP) and the possible matches of clients in them, each settled by an officer.

An external record is national: it concerns a person, not an office, and any office's client
may turn out to be that person. A match belongs to the client's office.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel


class RecordSource(models.TextChoices):
    PRISON_ADMISSION = "sdp_admission", _("Prison admission (SDP)")
    COURT_DECISION = "sipp_decision", _("Court decision (SIPP)")


class ImportStatus(models.TextChoices):
    IMPORTED = "imported", _("Imported")
    PARTIAL = "partial", _("Valid rows imported, others rejected")
    REJECTED = "rejected", _("Rejected: nothing imported")


class ImportBatch(PublicIdModel):
    """One file (or one API call) of external records, with what was wrong in it. A rejected
    file is kept too (with no records), so the history shows every attempt."""

    source = models.CharField(_("source"), max_length=20, choices=RecordSource.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.IMPORTED
    )
    # The importer asked for the valid rows to be imported even when others are wrong.
    partial = models.BooleanField(_("import the valid rows"), default=False)
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_created = models.PositiveIntegerField(_("new records"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("records already held"), default=0)
    rows_rejected = models.PositiveIntegerField(_("rejected rows"), default=0)
    # Rows whose record is already held with other data: the first received is kept.
    rows_changed = models.PositiveIntegerField(_("records held with other data"), default=0)
    # [{"row": 7, "field": "tanggal_lahir", "message": "...", "kind": "error"|"notice"}], in
    # the importer's language; row 0 is the whole file.
    problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import of external records")
        verbose_name_plural = _("imports of external records")

    def __str__(self) -> str:
        return self.file_name or str(self.public_id)


class ExternalRecord(PublicIdModel):
    """One admission or decision as the source sent it: identity fields for matching, the
    event, and every raw field kept as received. (source, institution, external_id) is the
    natural key: importing the same row again changes nothing."""

    source = models.CharField(_("source"), max_length=20, choices=RecordSource.choices)
    institution = models.CharField(_("institution"), max_length=200)
    external_id = models.CharField(_("record number"), max_length=100)
    event_date = models.DateField(_("event date"))
    # What happened: "admitted as detainee", "sentenced to 2 years for theft (Ps. 362)".
    event = models.CharField(_("event"), max_length=300, blank=True)
    full_name = models.CharField(_("full name"), max_length=200)
    aliases = models.CharField(_("aliases"), max_length=300, blank=True)
    # clients.identity.name_key of the name: finds "Mochammad" when "Muhammad" is searched.
    name_key = models.CharField(max_length=200, blank=True, db_index=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)  # "L", "P" or unknown
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    raw = models.JSONField(default=dict, blank=True)
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="records"
    )
    # When the matcher last compared this record with the clients (None: not yet).
    matched_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-event_date", "-pk"]
        verbose_name = _("external record")
        verbose_name_plural = _("external records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "institution", "external_id"], name="external_record_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.institution} {self.external_id}"


class MatchBand(models.TextChoices):
    ALERT = "alert", _("Alert (high probability)")
    REVIEW = "review", _("Review (middle band)")


class MatchStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting an officer")
    CONFIRMED = "confirmed", _("Confirmed: same person")
    REJECTED = "rejected", _("Rejected: different person")


class MatchCandidate(PublicIdModel):
    """A client who may be the person of an external record. Never acted on by itself: an
    officer confirms or rejects it, and the decisions measure the matcher's precision."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="match_candidates"
    )
    record = models.ForeignKey(ExternalRecord, on_delete=models.PROTECT, related_name="matches")
    probability = models.FloatField(_("match probability"))
    band = models.CharField(_("band"), max_length=10, choices=MatchBand.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PENDING
    )
    # The model that scored it (its file's sha256, short), to report precision per model.
    model_version = models.CharField(max_length=16, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)
    violation = models.ForeignKey(
        "violations.Violation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-probability", "-pk"]
        verbose_name = _("possible match")
        verbose_name_plural = _("possible matches")
        constraints = [
            models.UniqueConstraint(fields=["client", "record"], name="match_once_per_pair")
        ]
        indexes = [models.Index(fields=["status", "band"])]

    def __str__(self) -> str:
        return f"{self.client_id} ~ {self.record_id} ({self.probability:.2f})"
