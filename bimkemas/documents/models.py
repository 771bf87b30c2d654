"""Generated documents: DOCX (docxtpl, office-replaceable templates) and PDF (WeasyPrint), each
stored as a version with its audit row.

- `GeneratedDocument`: one rendering of a record (a litmas, an evaluation, a TPP session, a
  case's card, a termination) in one format. Never overwritten or deleted: generating again
  adds version n + 1 for the same source, kind and format.
- `DocumentTemplate`: an office's own DOCX template for a kind; one active per office and
  kind, the earlier ones kept (inactive) with their edit history.
- `OfficeLetterhead`: the kop surat printed at the top of an office's documents; offices
  without one get defaults built from the office (`letterhead_for`).
"""

import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.history import EditHistory
from bimkemas.accounts.models import Office
from bimkemas.core.models import PublicIdModel


class DocumentKind(models.TextChoices):
    LITMAS = "litmas", _("Litmas report")
    PROGRESS_REPORT = "progress_report", _("Progress report")
    TPP_MINUTES = "tpp_minutes", _("TPP minutes")
    GUIDANCE_CARD = "guidance_card", _("Guidance card")
    COMPLETION_CERTIFICATE = "completion_certificate", _("Completion certificate")
    VIOLATION_LETTER = "violation_letter", _("Violation letter (counselling, warning)")
    REVOCATION_STATEMENT = "revocation_statement", _("Revocation statement (BAP)")
    REVOCATION_REPORT = "revocation_report", _("Revocation report")


class DocumentFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


CONTENT_TYPES = {
    DocumentFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentFormat.PDF: "application/pdf",
}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


class GeneratedDocument(PublicIdModel):
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    fmt = models.CharField(_("format"), max_length=4, choices=DocumentFormat.choices)
    # What the document was generated from: a litmas, an evaluation, a TPP session, a case…
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    # The person it concerns (a plain key like the audit's), None for an office's document.
    client_pk = models.BigIntegerField(null=True, blank=True, db_index=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="generated_documents")
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    number = models.CharField(_("number"), max_length=150, blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", max_length=300)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(_("size"))
    template = models.ForeignKey(
        "DocumentTemplate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        help_text=_("Empty: the built-in default template."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        indexes = [models.Index(fields=["source_type", "source_id", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "kind", "fmt", "version"],
                name="one_document_per_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number} v{self.version} ({self.fmt})".replace(
            "  ", " "
        )

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[DocumentFormat(self.fmt)]

    @property
    def filename(self) -> str:
        """The download name: "litmas-0001-PB-D-2026-PLG-v2.docx"."""
        parts = [self.kind.replace("_", "-"), _slug(self.number), f"v{self.version}"]
        return "-".join(part for part in parts if part) + f".{self.fmt}"


class DocumentTemplate(models.Model):
    """An office's DOCX template for one kind of document (docxtpl syntax, see content.py)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="document_templates")
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to="document-templates/%Y/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    is_active = models.BooleanField(_("active"), default=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = EditHistory()

    class Meta:
        ordering = ["office", "kind", "-uploaded_at", "-pk"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "kind"],
                condition=Q(is_active=True),
                name="one_active_template_per_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.office} – {self.get_kind_display()} ({self.uploaded_at:%Y-%m-%d})"


MINISTRY = "KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA"
REGIONAL_OFFICE = "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN"

# The province of a Bapas from the city or regency in its name, for the regional office line
# of offices that have not written their own letterhead yet.
PROVINCES = {
    "palembang": "SUMATERA SELATAN",
    "oku": "SUMATERA SELATAN",
    "musi rawas": "SUMATERA SELATAN",
    "lahat": "SUMATERA SELATAN",
    "jakarta": "DKI JAKARTA",
    "bandung": "JAWA BARAT",
    "bogor": "JAWA BARAT",
    "semarang": "JAWA TENGAH",
    "surakarta": "JAWA TENGAH",
    "yogyakarta": "DAERAH ISTIMEWA YOGYAKARTA",
    "surabaya": "JAWA TIMUR",
    "malang": "JAWA TIMUR",
    "medan": "SUMATERA UTARA",
    "padang": "SUMATERA BARAT",
    "pekanbaru": "RIAU",
    "jambi": "JAMBI",
    "bengkulu": "BENGKULU",
    "bandar lampung": "LAMPUNG",
    "pangkalpinang": "KEPULAUAN BANGKA BELITUNG",
    "banda aceh": "ACEH",
    "serang": "BANTEN",
    "tangerang": "BANTEN",
    "denpasar": "BALI",
    "mataram": "NUSA TENGGARA BARAT",
    "kupang": "NUSA TENGGARA TIMUR",
    "pontianak": "KALIMANTAN BARAT",
    "banjarmasin": "KALIMANTAN SELATAN",
    "palangkaraya": "KALIMANTAN TENGAH",
    "samarinda": "KALIMANTAN TIMUR",
    "makassar": "SULAWESI SELATAN",
    "manado": "SULAWESI UTARA",
    "palu": "SULAWESI TENGAH",
    "kendari": "SULAWESI TENGGARA",
    "gorontalo": "GORONTALO",
    "ambon": "MALUKU",
    "ternate": "MALUKU UTARA",
    "jayapura": "PAPUA",
    "manokwari": "PAPUA BARAT",
}


def office_city(office: Office) -> str:
    """ "Palembang" from "Bapas Kelas I Palembang": what follows the class in the name."""
    match = re.search(r"kelas\s+(?:I{1,3}|IV|\d)\s+(.+)$", office.name, flags=re.IGNORECASE)
    return (match.group(1) if match else office.name).strip()


def _province(office: Office) -> str:
    name = office.name.lower()
    return next((province for city, province in PROVINCES.items() if city in name), "")


class OfficeLetterhead(models.Model):
    """An office's kop surat. Empty lines fall back to the defaults of `letterhead_for`."""

    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="letterhead")
    ministry = models.TextField(
        _("ministry line(s)"), blank=True, help_text=_("One line per row; empty: the default.")
    )
    regional_office = models.CharField(_("regional office line"), max_length=200, blank=True)
    office_line = models.CharField(
        _("office name line"),
        max_length=200,
        blank=True,
        help_text=_('e.g. "BALAI PEMASYARAKATAN KELAS I PALEMBANG"; empty: from the office.'),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.CharField(_("website"), max_length=120, blank=True)
    city = models.CharField(
        _("city"), max_length=80, blank=True, help_text=_("Printed before the date of a letter.")
    )

    history = EditHistory()

    class Meta:
        verbose_name = _("office letterhead")
        verbose_name_plural = _("office letterheads")

    def __str__(self) -> str:
        return str(self.office)


@dataclass(frozen=True)
class Letterhead:
    """What templates see as `letterhead`."""

    ministry_lines: tuple[str, ...]
    regional_office: str
    office_line: str
    address: str
    phone: str
    email: str
    website: str
    city: str

    @property
    def contact(self) -> str:
        """ "Jl. … Palembang · Telp. 0711-… · bapas@… · bapas.go.id": the small line."""
        parts = [" ".join(self.address.split())]
        if self.phone:
            parts.append(f"Telp. {self.phone}")
        parts += [self.email, self.website]
        return " · ".join(part for part in parts if part)


def default_office_line(office: Office) -> str:
    """ "BALAI PEMASYARAKATAN KELAS I PALEMBANG" from "Bapas Kelas I Palembang"."""
    return re.sub(r"^bapas\b", "Balai Pemasyarakatan", office.name, flags=re.IGNORECASE).upper()


def default_letterhead(office: Office) -> dict[str, str]:
    """What an office prints where its letterhead leaves a line empty."""
    return {
        "ministry": MINISTRY,
        "regional_office": f"{REGIONAL_OFFICE} {_province(office)}".strip(),
        "office_line": default_office_line(office),
        "address": office.address,
        "phone": office.phone,
        "email": office.email,
        "website": "",
        "city": office_city(office),
    }


def letterhead_for(office: Office) -> Letterhead:
    """The office's saved letterhead, each empty line replaced by its default."""
    saved = None
    if office.pk is not None:
        saved = OfficeLetterhead.objects.filter(office=office).first()
    saved = saved or OfficeLetterhead()
    default = default_letterhead(office)
    value = {name: getattr(saved, name) or default[name] for name in default}
    ministry = tuple(line.strip() for line in value.pop("ministry").splitlines() if line.strip())
    return Letterhead(ministry_lines=ministry, **value)
