import datetime as dt
import uuid
from decimal import Decimal

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.history import EditHistory
from bimkemas.core.models import TimeStampedModel


class OfficeClass(models.TextChoices):
    CLASS_I = "I", _("Class I")
    CLASS_II = "II", _("Class II")


class Office(TimeStampedModel):
    """A Bapas. Rules that vary between offices live here, with the national default."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    office_class = models.CharField(_("class"), max_length=2, choices=OfficeClass.choices)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    # {seq}, {year}, {programme}, {category} and {code} are filled in at registration.
    register_format = models.CharField(
        _("register number format"),
        max_length=100,
        default="{seq:04d}/{programme}/{category}/{year}/{code}",
    )
    stage_awal_end = models.DecimalField(
        _("end of initial stage (fraction of period)"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.250"),
        validators=[MinValueValidator(Decimal("0.001")), MaxValueValidator(Decimal("0.999"))],
    )
    stage_lanjutan_end = models.DecimalField(
        _("end of continued stage (fraction of period)"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.750"),
        validators=[MinValueValidator(Decimal("0.001")), MaxValueValidator(Decimal("0.999"))],
    )
    ending_soon_days = models.PositiveSmallIntegerField(
        _("days before the end that a case counts as ending soon"), default=30
    )
    # Where the office is: the start of an officer's day route of home visits.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    history = EditHistory()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Bapas office")
        verbose_name_plural = _("Bapas offices")

    def __str__(self) -> str:
        return self.name

    @property
    def stage_fractions(self) -> tuple[Decimal, Decimal]:
        return (self.stage_awal_end, self.stage_lanjutan_end)

    def clean(self) -> None:
        if self.stage_awal_end >= self.stage_lanjutan_end:
            raise ValidationError(_("The initial stage must end before the continued stage."))


class AreaKind(models.TextChoices):
    KOTA = "kota", _("City (Kota)")
    KABUPATEN = "kabupaten", _("Regency (Kabupaten)")


class WorkArea(models.Model):
    """A kabupaten or kota inside an office's wilayah kerja."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="work_areas")
    kind = models.CharField(_("kind"), max_length=10, choices=AreaKind.choices)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "kind", "name"], name="unique_work_area")
        ]

    def __str__(self) -> str:
        prefix = "Kota" if self.kind == AreaKind.KOTA else "Kab."
        return f"{prefix} {self.name}"


class PosBapas(models.Model):
    """An outpost of an office, closer to clients in a remote work area."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="posts")
    name = models.CharField(_("name"), max_length=150)
    work_area = models.ForeignKey(WorkArea, on_delete=models.SET_NULL, null=True, blank=True)
    address = models.TextField(_("address"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Pos Bapas")
        verbose_name_plural = _("Pos Bapas")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    NATIONAL_VIEWER = "national", _("National viewer")
    HEAD = "head", _("Bapas head")
    SUPERVISOR = "supervisor", _("Section head")
    PK = "pk", _("PK")
    APK = "apk", _("APK")
    REGISTRAR = "registrar", _("Registrar")


OFFICER_ROLES = (Role.PK, Role.APK)
SUPERVISOR_ROLES = (Role.HEAD, Role.SUPERVISOR)


class Rank(models.TextChoices):
    AHLI_PERTAMA = "pertama", _("Ahli Pertama")
    AHLI_MUDA = "muda", _("Ahli Muda")
    AHLI_MADYA = "madya", _("Ahli Madya")


class UserQuerySet(models.QuerySet["User"]):
    def officers(self) -> "UserQuerySet":
        return self.filter(role__in=OFFICER_ROLES, is_active=True)

    def available_on(self, day: dt.date) -> "UserQuerySet":
        """Officers not seconded, on leave or rotating on `day`."""
        away = Absence.objects.covering(day).values("officer_id")
        return self.exclude(pk__in=away)

    def working_for(self, office_id: int, day: dt.date) -> "UserQuerySet":
        """Those who take cases of an office on `day`, both ends of an absence included:

        1. its own staff, unless seconded, on leave or rotating that day;
        2. officers seconded to it (BKO) that day, unless also on leave or rotating.
        """
        covering = Absence.objects.covering(day)
        at_home = Q(office_id=office_id) & ~Q(pk__in=covering.values("officer_id"))
        seconded_in = Q(
            pk__in=covering.secondments().filter(seconded_to_id=office_id).values("officer_id")
        ) & ~Q(pk__in=covering.exclude(kind=AbsenceKind.SECONDED).values("officer_id"))
        return self.filter(at_home | seconded_in)


class BimkemasUserManager(UserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    pass


class User(AbstractUser):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("Empty only for national viewers."),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    rank = models.CharField(_("rank"), max_length=10, choices=Rank.choices, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    work_areas = models.ManyToManyField(
        WorkArea, blank=True, related_name="officers", verbose_name=_("work areas")
    )

    objects = BimkemasUserManager()  # type: ignore[misc]
    # Who changed whose role, office, rank or access; not names, password or logins.
    history = EditHistory(
        excluded_fields=[
            "password",
            "last_login",
            "first_name",
            "last_name",
            "email",
            "date_joined",
            "public_id",
            "nip",
            "phone",
        ]
    )

    class Meta:
        ordering = ["first_name", "last_name", "username"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role="national") | Q(office__isnull=False) | Q(role=""),
                name="staff_have_an_office",
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_officer(self) -> bool:
        return self.role in OFFICER_ROLES

    @property
    def is_supervisor(self) -> bool:
        return self.role in SUPERVISOR_ROLES

    @property
    def is_national_viewer(self) -> bool:
        return self.role == Role.NATIONAL_VIEWER

    @property
    def is_registrar(self) -> bool:
        return self.role == Role.REGISTRAR

    @property
    def title(self) -> str:
        """Role with rank, as printed on a guidance card: "PK Ahli Muda"."""
        if self.role == Role.PK and self.rank:
            return f"PK {self.get_rank_display()}"
        return str(self.get_role_display())

    def absence_on(self, day: dt.date) -> "Absence | None":
        return self.absences.covering(day).first()

    def offices_on(self, day: dt.date) -> set[int]:
        """Ids of the offices this officer takes cases for on `day` (`working_for`)."""
        seconded_to = self.absences.covering(day).secondments().values_list("seconded_to_id")
        candidates = {self.office_id, *(office_id for (office_id,) in seconded_to)} - {None}
        me = User.objects.filter(pk=self.pk)
        return {o for o in candidates if o and me.working_for(o, day).exists()}

    def secondment_on(self, day: dt.date) -> "Absence | None":
        """The secondment (BKO) covering `day`, if any."""
        return self.absences.covering(day).secondments().select_related("seconded_to").first()


class AbsenceKind(models.TextChoices):
    SECONDED = "bko", _("Seconded (BKO)")
    LEAVE = "leave", _("On leave")
    ROTATION = "rotation", _("Rotating")


class AbsenceQuerySet(models.QuerySet["Absence"]):
    def covering(self, day: dt.date) -> "AbsenceQuerySet":
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)

    def secondments(self) -> "AbsenceQuerySet":
        return self.filter(kind=AbsenceKind.SECONDED)


class Absence(TimeStampedModel):
    """A period when an officer does not take cases: secondment, leave or rotation."""

    officer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(_("kind"), max_length=10, choices=AbsenceKind.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    seconded_to = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seconded_officers",
        verbose_name=_("seconded to"),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = AbsenceQuerySet.as_manager()
    history = EditHistory()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="absence_ends_after_start",
            ),
            # Demo data and fixtures bulk-insert without clean(): the database keeps the rule.
            models.CheckConstraint(
                condition=Q(kind=AbsenceKind.SECONDED, seconded_to__isnull=False)
                | (~Q(kind=AbsenceKind.SECONDED) & Q(seconded_to__isnull=True)),
                name="absence_seconded_to_only_for_secondment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer}: {self.get_kind_display()} {self.starts_on}"

    def clean(self) -> None:
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date is before the start date.")})
        if self.kind == AbsenceKind.SECONDED and not self.seconded_to_id:
            raise ValidationError(
                {"seconded_to": _("Say which office the officer is seconded to.")}
            )
        if self.kind != AbsenceKind.SECONDED and self.seconded_to_id:
            raise ValidationError(
                {"seconded_to": _("Only a secondment (BKO) has a receiving office.")}
            )
        if self.seconded_to_id and self.seconded_to_id == self._officer_office_id():
            raise ValidationError(
                {"seconded_to": _("An officer cannot be seconded to their own office.")}
            )

    def _officer_office_id(self) -> int | None:
        return self.officer.office_id if self.officer_id else None


class ApiToken(TimeStampedModel):
    """A bearer token for the API. Only a hash is stored; the key is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
