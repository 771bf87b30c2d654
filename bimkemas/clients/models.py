import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.history import EditHistory
from bimkemas.accounts.models import Office, WorkArea
from bimkemas.clients.stages import Stage, StageSpan, stage_on, timeline
from bimkemas.core.models import PublicIdModel, TimeStampedModel
from bimkemas.core.validators import validate_person_text

PERSON_TEXT = [validate_person_text]


class Category(models.TextChoices):
    ADULT = "dewasa", _("Adult (Dewasa)")
    JUVENILE = "anak", _("Juvenile (Anak)")


class Sex(models.TextChoices):
    MALE = "L", _("Male")
    FEMALE = "P", _("Female")


class Religion(models.TextChoices):
    ISLAM = "islam", _("Islam")
    PROTESTANT = "kristen", _("Protestant")
    CATHOLIC = "katolik", _("Catholic")
    HINDU = "hindu", _("Hindu")
    BUDDHIST = "buddha", _("Buddhist")
    CONFUCIAN = "khonghucu", _("Confucian")
    OTHER = "lainnya", _("Other belief")


class Programme(models.Model):
    """A guidance programme (PB, CB, CMB, Asimilasi, …): an extensible list."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    caseload_weight = models.DecimalField(
        _("caseload weight"), max_digits=4, decimal_places=2, default=Decimal("1.00")
    )
    is_active = models.BooleanField(_("in use"), default=True)

    history = EditHistory()  # weights change every officer's load: who changed them, when

    class Meta:
        ordering = ["code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class FacilityKind(models.TextChoices):
    LAPAS = "lapas", _("Lapas (prison)")
    RUTAN = "rutan", _("Rutan (remand centre)")
    LPKA = "lpka", _("LPKA (juvenile facility)")


class Facility(models.Model):
    """A Lapas, Rutan or LPKA that hands clients over to a Bapas."""

    kind = models.CharField(_("kind"), max_length=10, choices=FacilityKind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self) -> str:
        return self.name


class CrimeCategory(models.TextChoices):
    NARCOTICS = "narkotika", _("Narcotics")
    THEFT = "pencurian", _("Theft")
    FRAUD = "penipuan", _("Fraud and embezzlement")
    VIOLENCE = "kekerasan", _("Assault and violence")
    HOMICIDE = "pembunuhan", _("Homicide")
    SEXUAL = "asusila", _("Sexual offence")
    CORRUPTION = "korupsi", _("Corruption")
    CHILD_PROTECTION = "perlindungan_anak", _("Child protection")
    TRAFFIC = "lalu_lintas", _("Traffic")
    GAMBLING = "perjudian", _("Gambling")
    WEAPONS = "senjata", _("Weapons")
    OTHER = "lainnya", _("Other")


# The fields of a person's identity and address: entered at intake, editable, audited.
IDENTITY_FIELDS = (
    "full_name",
    "aliases",
    "nik",
    "birth_place",
    "birth_date",
    "sex",
    "religion",
    "category",
    "street",
    "rt",
    "rw",
    "kelurahan",
    "kecamatan",
    "work_area",
    "home_latitude",
    "home_longitude",
)


class Client(PublicIdModel):
    """A person under (or once under) Bapas guidance. Names are stored as written."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="clients")
    full_name = models.CharField(_("full name"), max_length=200, validators=PERSON_TEXT)
    aliases = models.CharField(
        _("aliases"),
        max_length=300,
        blank=True,
        help_text=_("Separate several with commas."),
        validators=PERSON_TEXT,
    )
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    # NULL, not "", when unknown: the unique constraint below must ignore missing NIKs.
    nik = models.CharField(_("NIK"), max_length=16, null=True, blank=True)  # noqa: DJ001
    birth_place = models.CharField(_("place of birth"), max_length=100, validators=PERSON_TEXT)
    birth_date = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    religion = models.CharField(_("religion"), max_length=10, choices=Religion.choices)
    category = models.CharField(_("category"), max_length=6, choices=Category.choices)
    street = models.CharField(
        _("street address"), max_length=200, blank=True, validators=PERSON_TEXT
    )
    rt = models.CharField(_("RT"), max_length=3, blank=True)
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    kelurahan = models.CharField(_("kelurahan / desa"), max_length=100, validators=PERSON_TEXT)
    kecamatan = models.CharField(_("kecamatan"), max_length=100, validators=PERSON_TEXT)
    work_area = models.ForeignKey(
        WorkArea,
        on_delete=models.PROTECT,
        related_name="clients",
        verbose_name=_("kabupaten / kota"),
    )
    # Where the client lives, as the officer found it (a home visit's location): the distance
    # of each self check-in from it is shown to the officer.
    home_latitude = models.DecimalField(
        _("home latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    home_longitude = models.DecimalField(
        _("home longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    photo = models.ForeignKey(
        "clients.CaseDocument", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["nik"], condition=Q(nik__isnull=False), name="unique_client_nik"
            )
        ]
        indexes = [
            models.Index(fields=["office", "full_name"]),
            models.Index(fields=["birth_date"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def address_line(self) -> str:
        rt_rw = f"RT {self.rt}/RW {self.rw}" if self.rt or self.rw else ""
        parts = [self.street, rt_rw, f"Kel. {self.kelurahan}", f"Kec. {self.kecamatan}"]
        return ", ".join([p for p in parts if p] + [str(self.work_area)])

    def age_on(self, day: dt.date) -> int:
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - before_birthday


class ClientPhone(PublicIdModel):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=20)
    label = models.CharField(_("whose / which"), max_length=60, blank=True)
    verified_reachable = models.BooleanField(_("verified reachable"), default=False)
    verified_on = models.DateField(_("verified on"), null=True, blank=True)

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")
        ordering = ["-verified_reachable", "id"]

    def __str__(self) -> str:
        return self.number


class Guarantor(TimeStampedModel):
    """The penjamin who signed the guarantee letter, usually family."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="guarantors")
    name = models.CharField(_("name"), max_length=200, validators=PERSON_TEXT)
    relation = models.CharField(_("relation to client"), max_length=60, validators=PERSON_TEXT)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True, validators=PERSON_TEXT)

    class Meta:
        verbose_name = _("guarantor")
        verbose_name_plural = _("guarantors")

    def __str__(self) -> str:
        return self.name


class ContactKind(models.TextChoices):
    RT_RW = "rt_rw", _("RT/RW head")
    LURAH = "lurah", _("Lurah / kepala desa")
    BHABINKAMTIBMAS = "bhabin", _("Bhabinkamtibmas")


class LocalContact(TimeStampedModel):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="local_contacts")
    kind = models.CharField(_("kind"), max_length=10, choices=ContactKind.choices)
    name = models.CharField(_("name"), max_length=200, validators=PERSON_TEXT)
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("local contact")
        verbose_name_plural = _("local contacts")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    REGISTERED = "registered", _("Registered")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    REVOKED = "revoked", _("Revoked")
    DIED = "died", _("Died")
    TRANSFERRED = "transferred", _("Transferred")


OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.REGISTERED, CaseStatus.ACTIVE)
CLOSED_STATUSES = (
    CaseStatus.COMPLETED,
    CaseStatus.REVOKED,
    CaseStatus.DIED,
    CaseStatus.TRANSFERRED,
)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    CaseStatus.RECEIVED: (CaseStatus.REGISTERED,),
    CaseStatus.REGISTERED: (CaseStatus.ACTIVE, CaseStatus.TRANSFERRED, CaseStatus.DIED),
    CaseStatus.ACTIVE: CLOSED_STATUSES,
}


def stage_q(stage: str, day: dt.date) -> Q:
    """Cases in `stage` on `day`, by the stored stage dates."""
    started = Q(guidance_start__lte=day, guidance_end__gte=day)
    ended = Q(guidance_end__lt=day)
    lookups = {
        Stage.NOT_STARTED: Q(guidance_start__gt=day),
        Stage.AWAL: started & Q(lanjutan_from__gt=day),
        Stage.LANJUTAN: started & Q(lanjutan_from__lte=day, akhir_from__gt=day),
        Stage.AKHIR: started & Q(akhir_from__lte=day),
        Stage.AFTERCARE: ended & Q(aftercare_until__gte=day),
        Stage.FINISHED: ended & (Q(aftercare_until__isnull=True) | Q(aftercare_until__lt=day)),
    }
    return lookups[Stage(stage)]


# The terms of a case as handed over (the SK, offence, sentence, period, conditions):
# entered at intake, correctable later, audited. After-care is added during guidance.
CASE_TERMS_FIELDS = (
    "programme",
    "sk_number",
    "sk_date",
    "sk_issuer",
    "origin_facility",
    "offence_law",
    "offence_article",
    "crime_category",
    "sentence_years",
    "sentence_months",
    "sentence_days",
    "guidance_start",
    "guidance_end",
    "received_on",
    "general_conditions",
    "special_conditions",
)


# The largest value of each part of a sentence, for the forms, the API and the model alike.
# A sentence is written as the verdict states it ("1 tahun 18 bulan" happens), so months and
# days are not capped at a year's worth.
SENTENCE_LIMITS = {"sentence_years": 99, "sentence_months": 999, "sentence_days": 999}


class CaseQuerySet(models.QuerySet["SupervisionCase"]):
    def open(self) -> "CaseQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def in_stage(self, stage: str, day: dt.date) -> "CaseQuerySet":
        return self.filter(stage_q(stage, day))

    def unassigned(self) -> "CaseQuerySet":
        return self.open().filter(officer__isnull=True)


class SupervisionCase(PublicIdModel):
    """One period of guidance under one SK. A client has at most one open case."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="cases")
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="cases")
    register_number = models.CharField(_("register number"), max_length=60)
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="cases", verbose_name=_("programme")
    )
    sk_number = models.CharField(_("SK number"), max_length=100)
    sk_date = models.DateField(_("SK date"))
    sk_issuer = models.CharField(_("issued by"), max_length=150)
    origin_facility = models.ForeignKey(
        Facility, on_delete=models.PROTECT, related_name="cases", verbose_name=_("handed over by")
    )
    offence_law = models.CharField(_("law"), max_length=100)
    offence_article = models.CharField(_("article"), max_length=100)
    crime_category = models.CharField(
        _("crime category"), max_length=20, choices=CrimeCategory.choices
    )
    sentence_years = models.PositiveSmallIntegerField(
        _("sentence: years"),
        default=0,
        validators=[MaxValueValidator(SENTENCE_LIMITS["sentence_years"])],
    )
    sentence_months = models.PositiveSmallIntegerField(
        _("sentence: months"),
        default=0,
        validators=[MaxValueValidator(SENTENCE_LIMITS["sentence_months"])],
    )
    sentence_days = models.PositiveSmallIntegerField(
        _("sentence: days"),
        default=0,
        validators=[MaxValueValidator(SENTENCE_LIMITS["sentence_days"])],
    )
    guidance_start = models.DateField(_("guidance starts"))
    guidance_end = models.DateField(_("guidance ends"))
    # Derived from the dates and the office's stage fractions (clients.stages), stored so
    # that lists can filter and count by stage in SQL. Set by services.case_set_stage_dates.
    lanjutan_from = models.DateField(editable=False)
    akhir_from = models.DateField(editable=False)
    aftercare_until = models.DateField(
        _("after-care until"),
        null=True,
        blank=True,
        help_text=_("Only when the client is enrolled in after-care."),
    )
    general_conditions = models.TextField(_("general conditions"), blank=True)
    special_conditions = models.TextField(_("special conditions"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.REGISTERED
    )
    received_on = models.DateField(_("received on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("officer"),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="registered_cases"
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision case")
        verbose_name_plural = _("supervision cases")
        ordering = ["-guidance_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "register_number"], name="unique_register_number"
            ),
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(status__in=["received", "registered", "active"]),
                name="one_open_case_per_client",
            ),
            models.CheckConstraint(
                condition=Q(guidance_end__gte=models.F("guidance_start")),
                name="guidance_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["office", "status"]),
            models.Index(fields=["officer", "status"]),
            models.Index(fields=["office", "guidance_end"]),
        ]

    def __str__(self) -> str:
        return f"{self.register_number} ({self.programme.code})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def sentence_display(self) -> str:
        parts = []
        if self.sentence_years:
            parts.append(f"{self.sentence_years} th")
        if self.sentence_months:
            parts.append(f"{self.sentence_months} bl")
        if self.sentence_days:
            parts.append(f"{self.sentence_days} hr")
        return " ".join(parts) or "-"

    def stage_on(self, day: dt.date) -> Stage:
        return stage_on(
            day,
            self.guidance_start,
            self.guidance_end,
            self.office.stage_fractions,
            self.aftercare_until,
        )

    def timeline(self) -> list[StageSpan]:
        return timeline(
            self.guidance_start,
            self.guidance_end,
            self.office.stage_fractions,
            self.aftercare_until,
        )

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, ())


class Assignment(models.Model):
    """Who supervised a case, from when to when. The open row matches case.officer."""

    case = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE, related_name="assignments")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    # When the assigned officer first opened the client's page: until then the case is
    # "newly assigned" on their home page (clients.work_items).
    seen_at = models.DateTimeField(_("seen by the officer"), null=True, blank=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(ended_at__isnull=True), name="one_open_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.officer}"


class CaseAccessGrant(TimeStampedModel):
    """A supervisor lets another officer read a case (cover during leave, a second opinion)."""

    case = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE, related_name="grants")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_grants"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    until = models.DateField(_("until"))

    class Meta:
        verbose_name = _("read access grant")
        verbose_name_plural = _("read access grants")
        ordering = ["-created_at"]


class DocumentKind(models.TextChoices):
    SK = "sk", _("SK (decision letter)")
    HANDOVER = "ba_serah_terima", _("Berita acara serah terima")
    FINGERPRINTS = "fingerprints", _("Fingerprint sheet")
    PHOTO_FRONT = "photo_front", _("Photo, front")
    PHOTO_SIDE = "photo_side", _("Photo, side")
    PHOTO_BACK = "photo_back", _("Photo, back")
    LPP = "lpp", _("LPP (prison progress report)")
    GUARANTEE = "guarantee", _("Guarantee letter")
    OTHER = "other", _("Other")


PHOTO_KINDS = (DocumentKind.PHOTO_FRONT, DocumentKind.PHOTO_SIDE, DocumentKind.PHOTO_BACK)


def document_path(instance: "CaseDocument", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    case = instance.case
    return f"documents/{case.office_id}/{case.public_id}/{instance.public_id}.{suffix}"


class CaseDocument(PublicIdModel):
    """A handover document. Files are served only through an access-checked view."""

    case = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class RegisterCounter(models.Model):
    """The last register sequence number an office issued in a year."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last}"


class IntakeRequest(models.Model):
    """An intake already carried out for a client-supplied idempotency key (the API's
    `Idempotency-Key` header, the web form's hidden token): sending it again returns the
    same case instead of registering the person twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    # SHA-256 of the request's content: the same key with other content is a client's mistake.
    fingerprint = models.CharField(max_length=64)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(SupervisionCase, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_intake_per_key")]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.key}"
