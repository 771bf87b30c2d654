"""Litmas (penelitian kemasyarakatan): requests, public tracking, structured reports, review and
versions.

A `LitmasRequest` comes from a Lapas/Rutan, the police, a prosecutor, a court or the Bapas
itself; it carries an unguessable public `tracking_code` the requester uses on
`/litmas/lacak/`. The PK writes one `LitmasReport` for it, along a `LitmasOutline` (the
sections as data, versioned). Every saved state of the report's content is a `LitmasVersion`:
nothing is overwritten once submitted.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office
from bimkemas.clients.models import PERSON_TEXT, Client, Sex, SupervisionCase
from bimkemas.core.models import PublicIdModel, TimeStampedModel
from bimkemas.tpp.models import TppSession


class LitmasType(models.TextChoices):
    INTEGRASI = "integrasi", _("Integration (PB/CB/CMB)")
    ASIMILASI = "asimilasi", _("Asimilasi")
    PEMBIMBINGAN = "pembimbingan", _("Guidance (pembimbingan)")
    PEMBINAAN_AWAL = "pembinaan_awal", _("Initial treatment (pembinaan awal)")
    PENEMPATAN_AWAL = "penempatan_awal", _("Initial placement (penempatan awal)")
    PERAWATAN_TAHANAN = "perawatan_tahanan", _("Detainee care (perawatan tahanan)")
    PEMINDAHAN = "pemindahan", _("Transfer (pemindahan)")
    CUTI_MENGUNJUNGI_KELUARGA = "cuti_mengunjungi_keluarga", _("Family visit leave (CMK)")
    DIVERSI = "diversi", _("Diversion (diversi)")
    SIDANG_ANAK = "sidang_anak", _("Juvenile trial (sidang anak)")
    ANAK_DI_BAWAH_12 = "anak_di_bawah_12", _("Child under 12")
    SAKSI_KORBAN = "saksi_korban", _("Child witness or victim")


# Short codes in the register number: LITMAS.<seq>/<code>/<year>/<office>.
TYPE_CODES: dict[str, str] = {
    LitmasType.INTEGRASI: "INT",
    LitmasType.ASIMILASI: "ASM",
    LitmasType.PEMBIMBINGAN: "BIM",
    LitmasType.PEMBINAAN_AWAL: "PBA",
    LitmasType.PENEMPATAN_AWAL: "PNA",
    LitmasType.PERAWATAN_TAHANAN: "PRT",
    LitmasType.PEMINDAHAN: "PMD",
    LitmasType.CUTI_MENGUNJUNGI_KELUARGA: "CMK",
    LitmasType.DIVERSI: "DIV",
    LitmasType.SIDANG_ANAK: "SDA",
    LitmasType.ANAK_DI_BAWAH_12: "A12",
    LitmasType.SAKSI_KORBAN: "SKR",
}

# Working days (Monday–Friday) from receipt to the due date when the office has set none.
# Juvenile matters follow UU 11/2012 (SPPA) Ps. 28: the litmas within 3 x 24 hours of the
# request; adult integration and guidance litmas within about two and a half working weeks,
# the common practice in Bapas; leave, transfer and detainee care are urgent (a week).
DEFAULT_WORKING_DAYS: dict[str, int] = {
    LitmasType.INTEGRASI: 12,
    LitmasType.ASIMILASI: 12,
    LitmasType.PEMBIMBINGAN: 12,
    LitmasType.PEMBINAAN_AWAL: 12,
    LitmasType.PENEMPATAN_AWAL: 12,
    LitmasType.PERAWATAN_TAHANAN: 5,
    LitmasType.PEMINDAHAN: 5,
    LitmasType.CUTI_MENGUNJUNGI_KELUARGA: 5,
    LitmasType.DIVERSI: 3,
    LitmasType.SIDANG_ANAK: 3,
    LitmasType.ANAK_DI_BAWAH_12: 3,
    LitmasType.SAKSI_KORBAN: 3,
}

JUVENILE_TYPES = (
    LitmasType.DIVERSI,
    LitmasType.SIDANG_ANAK,
    LitmasType.ANAK_DI_BAWAH_12,
    LitmasType.SAKSI_KORBAN,
)


class RequesterKind(models.TextChoices):
    LAPAS_RUTAN = "lapas_rutan", _("Lapas / Rutan / LPKA")
    POLICE = "police", _("Police")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    COURT = "court", _("Court")
    INTERNAL = "internal", _("Bapas (internal)")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned to a PK")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted for review")
    REVIEWED = "reviewed", _("Reviewed")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged by the Bapas head")
    SENT = "sent", _("Sent to the requester")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_REQUEST_STATUSES = (
    RequestStatus.RECEIVED,
    RequestStatus.ASSIGNED,
    RequestStatus.IN_PROGRESS,
    RequestStatus.SUBMITTED,
    RequestStatus.REVIEWED,
)
# Work still in the PK's hands.
WRITING_STATUSES = (RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS)
# The report has left the PK: submitted at least once and not returned since.
DONE_STATUSES = (
    RequestStatus.SUBMITTED,
    RequestStatus.REVIEWED,
    RequestStatus.ACKNOWLEDGED,
    RequestStatus.SENT,
)


class LitmasDeadline(models.Model):
    """An office's own number of working days for a litmas type (else DEFAULT_WORKING_DAYS)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="litmas_deadlines")
    type = models.CharField(_("litmas type"), max_length=30, choices=LitmasType.choices)
    working_days = models.PositiveSmallIntegerField(_("working days"))

    class Meta:
        verbose_name = _("litmas deadline")
        verbose_name_plural = _("litmas deadlines")
        constraints = [
            models.UniqueConstraint(fields=["office", "type"], name="one_litmas_deadline_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.get_type_display()}: {self.working_days}"


def letter_path(instance: "LitmasRequest", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"litmas/letters/{instance.public_id}.{suffix}"


class RequestQuerySet(models.QuerySet["LitmasRequest"]):
    def open(self) -> "RequestQuerySet":
        return self.filter(status__in=OPEN_REQUEST_STATUSES)


class LitmasRequest(PublicIdModel):
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="litmas_requests")
    type = models.CharField(_("litmas type"), max_length=30, choices=LitmasType.choices)
    requester_kind = models.CharField(
        _("requested by"), max_length=12, choices=RequesterKind.choices
    )
    requester_name = models.CharField(
        _("requesting institution"), max_length=200, validators=PERSON_TEXT
    )
    letter_number = models.CharField(_("letter number"), max_length=100, blank=True)
    letter_date = models.DateField(_("letter date"), null=True, blank=True)
    letter = models.FileField(_("requesting letter"), upload_to=letter_path, blank=True)
    letter_content_type = models.CharField(max_length=40, blank=True, editable=False)
    # The subject: a client already known here, or the person as the requester names them.
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="litmas_requests",
        verbose_name=_("client"),
    )
    case = models.ForeignKey(
        SupervisionCase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="litmas_requests",
        help_text=_("The client's open case when the request was registered."),
    )
    subject_name = models.CharField(
        _("subject's name"), max_length=200, blank=True, validators=PERSON_TEXT
    )
    subject_birth_date = models.DateField(_("subject's date of birth"), null=True, blank=True)
    subject_sex = models.CharField(
        _("subject's sex"), max_length=1, choices=Sex.choices, blank=True
    )
    subject_register = models.CharField(
        _("subject's number at the requester"),
        max_length=60,
        blank=True,
        help_text=_("Registration number at the Lapas/Rutan, police report number, …"),
    )
    subject_note = models.CharField(
        _("about the subject"), max_length=300, blank=True, validators=PERSON_TEXT
    )
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="litmas_requests",
        verbose_name=_("PK"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    tracking_code = models.CharField(_("tracking code"), max_length=10, unique=True)
    cancel_note = models.CharField(_("why cancelled"), max_length=300, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("litmas request")
        verbose_name_plural = _("litmas requests")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(client__isnull=False) | ~Q(subject_name=""),
                name="litmas_request_has_a_subject",
            )
        ]
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["officer", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} ({self.tracking_display})"

    @property
    def tracking_display(self) -> str:
        return f"{self.tracking_code[:5]}-{self.tracking_code[5:]}"

    @property
    def subject_display(self) -> str:
        return self.client.full_name if self.client is not None else self.subject_name

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES

    def is_overdue(self, day: dt.date) -> bool:
        return self.status in (RequestStatus.RECEIVED, *WRITING_STATUSES) and self.due_on < day


class LitmasRequestStep(models.Model):
    """When a request reached a status: the timeline shown to staff and on public tracking."""

    request = models.ForeignKey(LitmasRequest, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=12, choices=RequestStatus.choices)
    at = models.DateTimeField(_("at"))
    note = models.CharField(_("note"), max_length=300, blank=True)  # staff only

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.status} {self.at}"


class SectionKind(models.TextChoices):
    TEXT = "text", _("Text")
    FACTS = "facts", _("Facts (label: value)")
    TABLE = "table", _("Table")


class LitmasOutline(TimeStampedModel):
    """The sections of a litmas report, as data. A new version (a new row with a higher
    `version`) changes the editor and the document without code; reports keep the version
    they were written on.

    `sections`: a list of {code, heading, guidance, kind (text|facts|table), required, order,
    types (optional: only these litmas types)}. `types` empty: the outline serves every type.
    """

    name = models.CharField(_("name"), max_length=100, default="Standar")
    version = models.PositiveIntegerField(_("version"))
    types = models.JSONField(_("litmas types"), default=list, blank=True)
    sections = models.JSONField(_("sections"), default=list)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("litmas outline")
        verbose_name_plural = _("litmas outlines")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="unique_outline_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    def serves(self, litmas_type: str) -> bool:
        return not self.types or litmas_type in self.types

    def sections_for(self, litmas_type: str) -> list[dict]:
        """The outline's sections that apply to a type, in order."""
        chosen = [s for s in self.sections if not s.get("types") or litmas_type in s["types"]]
        return sorted(chosen, key=lambda s: (s.get("order", 0), s["code"]))


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed by the section head")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged by the Bapas head")


class LitmasReport(PublicIdModel):
    request = models.OneToOneField(LitmasRequest, on_delete=models.CASCADE, related_name="report")
    outline = models.ForeignKey(LitmasOutline, on_delete=models.PROTECT, related_name="reports")
    number = models.CharField(_("litmas number"), max_length=80)
    sequence = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="litmas_reports"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    # The sidang TPP whose conclusion the recommendation cites (number and date print).
    tpp_session = models.ForeignKey(
        TppSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="litmas_reports",
        verbose_name=_("TPP session"),
    )

    class Meta:
        verbose_name = _("litmas report")
        verbose_name_plural = _("litmas reports")
        constraints = [
            models.UniqueConstraint(fields=["number"], name="unique_litmas_number"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def current(self) -> "LitmasVersion":
        version = self.versions.order_by("-number").first()
        assert version is not None
        return version


class SourceKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    HOME_VISIT = "home_visit", _("Home visit")
    VIDEO_CALL = "video_call", _("Video call")
    DOCUMENTS = "documents", _("Documents")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    BHABINKAMTIBMAS = "bhabinkamtibmas", _("Bhabinkamtibmas")


class VersionReason(models.TextChoices):
    STARTED = "started", _("Started (pre-filled)")
    EDITED = "edited", _("Edited after submission")
    RETURNED = "returned", _("Returned for changes")


class LitmasVersion(models.Model):
    """One state of a report's content. The draft version is edited in place until it is
    submitted; from then on every change is a new version."""

    report = models.ForeignKey(LitmasReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    content = models.JSONField(default=dict)  # {section code: text | [[label, value]] | [[…]]}
    sources = models.JSONField(default=list)  # [{kind, date (ISO), note}]
    reason = models.CharField(max_length=10, choices=VersionReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)  # e.g. why returned
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_litmas_version")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.submitted_at is not None


class LitmasCounter(models.Model):
    """The last litmas register sequence an office issued in a year."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_litmas_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last}"
