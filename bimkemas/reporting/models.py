"""Wajib lapor: the client's duty to report, and every contact that fulfils it.

- `ReportingDefault`: an office's default frequency per programme (built-in when absent:
  asimilasi weekly, PB/CB/CMB monthly, DOMAIN.md §3).
- `CaseSchedule`: a case's own frequency from a date (a PK or TPP decision), newest wins.
- `CheckIn`: one contact through any channel — in person, online (phone, video, chat), the
  client's app, a home visit or a TPP appearance — recorded once whoever recorded it.
- `Excuse`: days on which missing a report is not held against the client.
- `PeriodOutcome`: what the compliance scan concluded for each reporting period.
- `ClientAccess`: a client's sign-in to the self check-in app (activation code, PIN).
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.core.models import PublicIdModel, TimeStampedModel


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    TWICE_WEEKLY = "twice_weekly", _("Twice a week")
    TWICE_MONTHLY = "twice_monthly", _("Twice a month")
    MONTHLY = "monthly", _("Monthly")


DEFAULT_GRACE_DAYS = 3


class ReportingDefault(models.Model):
    """An office's default reporting frequency for one programme."""

    office = models.ForeignKey(
        "accounts.Office", on_delete=models.CASCADE, related_name="reporting_defaults"
    )
    programme = models.ForeignKey(
        "clients.Programme", on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    grace_days = models.PositiveSmallIntegerField(
        _("grace days"),
        default=DEFAULT_GRACE_DAYS,
        help_text=_("Days after a period ends before it counts as missed."),
    )

    class Meta:
        verbose_name = _("reporting default")
        verbose_name_plural = _("reporting defaults")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "programme"], name="one_default_per_programme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme.code}: {self.get_frequency_display()}"


class ScheduleBasis(models.TextChoices):
    OFFICER = "officer", _("Officer's decision")
    TPP = "tpp", _("TPP decision")
    SPECIAL_CONDITION = "condition", _("Special condition of the SK")


class CaseSchedule(TimeStampedModel):
    """A case's own reporting frequency from `starts_on`; the newest one in force wins.
    Rows are only added, so the history of a case's duty stays readable."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="schedules"
    )
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency.choices)
    starts_on = models.DateField(_("from"))
    grace_days = models.PositiveSmallIntegerField(_("grace days"), default=DEFAULT_GRACE_DAYS)
    basis = models.CharField(_("decided by"), max_length=10, choices=ScheduleBasis.choices)
    reference = models.CharField(_("reference"), max_length=150, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["case", "-starts_on", "-pk"]
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} ({self.starts_on:%d/%m/%Y})"


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person at the office")
    PHONE = "phone", _("Phone call")
    VIDEO = "video", _("Video call")
    CHAT = "chat", _("Chat (WhatsApp)")
    APP = "app", _("Self check-in (app)")
    HOME_VISIT = "home_visit", _("Home visit")
    TPP = "tpp", _("TPP appearance")


ONLINE_CHANNELS = (Channel.PHONE, Channel.VIDEO, Channel.CHAT)
# The channels the seed's monthly tables count: the register book, teleconference, the app.
STATISTICS_CHANNEL = {
    Channel.IN_PERSON: "in_person",
    Channel.PHONE: "online",
    Channel.VIDEO: "online",
    Channel.CHAT: "online",
    Channel.APP: "app",
}


class Reporter(models.TextChoices):
    CLIENT = "client", _("The client")
    FAMILY = "family", _("A family member")
    RT_HEAD = "rt_head", _("The RT/RW head")
    OTHER = "other", _("Someone else")


class ReviewStatus(models.TextChoices):
    NOT_NEEDED = "none", _("Nothing to review")
    PENDING = "pending", _("To review")
    REVIEWED = "reviewed", _("Reviewed")


class Concern(models.TextChoices):
    CALL_BACK = "call_back", _("Asks for a call back")
    STRUGGLING = "struggling", _("Says they are struggling")
    FAR_FROM_HOME = "far", _("Far from the registered address")
    NO_SELFIE = "no_selfie", _("No selfie")
    NO_LOCATION = "no_location", _("No location")


class SupportNeed(models.TextChoices):
    WORK = "work", _("Work")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Health")
    FAMILY = "family", _("Family")
    MONEY = "money", _("Money")
    DRUGS = "drugs", _("Drugs or alcohol")


def checkin_path(instance: "CheckIn | CheckInPhoto", filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"checkins/{dt.date.today():%Y/%m}/{uuid.uuid4()}.{suffix}"


class CheckIn(PublicIdModel):
    """One reporting contact. `idempotency_key` (unique with its author) makes a retried
    submission — an offline phone sending its queue twice — the same record."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.PROTECT, related_name="checkins"
    )
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the client checked in themselves."),
    )
    reporter = models.CharField(
        _("reported by"), max_length=10, choices=Reporter.choices, default=Reporter.CLIENT
    )
    reporter_name = models.CharField(_("reporter's name"), max_length=200, blank=True)
    # The standard questions: condition, activity/work, social environment, obstacles, plans.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    needs = models.JSONField(_("support needed"), default=list, blank=True)
    wants_call_back = models.BooleanField(_("wants a call back"), default=False)
    note = models.TextField(_("note"), blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    accuracy_m = models.PositiveIntegerField(_("location accuracy (m)"), null=True, blank=True)
    distance_from_home_m = models.PositiveIntegerField(
        _("distance from the registered address (m)"), null=True, blank=True
    )
    selfie = models.FileField(_("selfie"), upload_to=checkin_path, blank=True)
    evidence = models.FileField(_("screenshot"), upload_to=checkin_path, blank=True)
    counts = models.BooleanField(
        _("counts as reporting"),
        default=True,
        help_text=_("Home visits and TPP appearances count where the office says so."),
    )
    idempotency_key = models.CharField(max_length=100, blank=True)
    # SHA-256 of what was submitted with the key: the same key with other content is refused.
    fingerprint = models.CharField(max_length=64, blank=True)
    review_status = models.CharField(
        _("review"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.NOT_NEEDED,
        db_index=True,
    )
    concerns = models.JSONField(_("concerns"), default=list, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    media_removed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Selfie and location deleted after retention.")
    )

    # Not stored: True on the record a service returns for a retried submission (same key).
    replayed = False

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        indexes = [models.Index(fields=["case", "occurred_at"])]
        constraints = [
            # Keys are random (UUIDs made by the phone or the form), so one per case is enough;
            # recorded_by is not part of it since SQLite cannot treat NULLs as equal.
            models.UniqueConstraint(
                fields=["case", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="checkin_once_per_idempotency_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.occurred_at:%d/%m/%Y %H:%M}"


class CheckInPhoto(TimeStampedModel):
    """A photo of daily activity (worship, farming, work) sent with a self check-in."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(upload_to=checkin_path)
    content_type = models.CharField(max_length=100)


class Excuse(TimeStampedModel):
    """Days on which a missed report is excused (hospitalised, travel the officer allowed…)."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="excuses"
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["case", "-starts_on"]
        verbose_name = _("excuse")
        verbose_name_plural = _("excuses")


class Outcome(models.TextChoices):
    REPORTED = "reported", _("Reported")
    MISSED = "missed", _("Missed")
    EXCUSED = "excused", _("Excused")


class PeriodOutcome(models.Model):
    """The compliance scan's conclusion for one closed reporting period of one case."""

    case = models.ForeignKey(
        "clients.SupervisionCase", on_delete=models.CASCADE, related_name="period_outcomes"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    consecutive_misses = models.PositiveSmallIntegerField(default=0)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["case", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["case", "starts_on"], name="one_outcome_per_period")
        ]
        indexes = [models.Index(fields=["outcome", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}: {self.outcome}"


class ClientAccess(PublicIdModel):
    """A client's sign-in to the self check-in app: activated once with the code their officer
    gives, then register number + birth date + their PIN. Locked after repeated failures."""

    client = models.OneToOneField(
        "clients.Client", on_delete=models.CASCADE, related_name="reporting_access"
    )
    activation_code_hash = models.CharField(max_length=128, blank=True)
    activation_expires_at = models.DateTimeField(null=True, blank=True)
    pin_hash = models.CharField(max_length=128, blank=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    locked_at = models.DateTimeField(null=True, blank=True)
    opted_out_channels = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("client app access")
        verbose_name_plural = _("client app access")

    def __str__(self) -> str:
        return str(self.client)


class OfficeReportingSettings(models.Model):
    """An office's reporting rules: which contacts count, how long selfies and locations
    are kept, and the quiet hours in which no reminder is sent. Built-in values apply to an
    office without a row (`for_office`)."""

    office = models.OneToOneField(
        "accounts.Office", on_delete=models.CASCADE, related_name="reporting_settings"
    )
    home_visit_counts = models.BooleanField(_("home visits count as reporting"), default=False)
    tpp_counts = models.BooleanField(_("TPP appearances count as reporting"), default=False)
    retention_days = models.PositiveSmallIntegerField(
        _("keep selfies and locations (days)"),
        default=90,
        validators=[MinValueValidator(1)],
    )
    quiet_hours_start = models.PositiveSmallIntegerField(
        _("quiet hours from (hour)"), default=21, validators=[MaxValueValidator(23)]
    )
    quiet_hours_end = models.PositiveSmallIntegerField(
        _("quiet hours until (hour)"), default=7, validators=[MaxValueValidator(23)]
    )

    class Meta:
        verbose_name = _("office reporting settings")
        verbose_name_plural = _("office reporting settings")

    def __str__(self) -> str:
        return str(self.office)

    @classmethod
    def for_office(cls, office_id: int) -> "OfficeReportingSettings":
        found = cls.objects.filter(office_id=office_id).first()
        return found or cls(office_id=office_id)

    def channel_counts(self, channel: str) -> bool:
        """Whether a contact through `channel` satisfies the duty to report."""
        if channel == Channel.HOME_VISIT:
            return self.home_visit_counts
        if channel == Channel.TPP:
            return self.tpp_counts
        return True


class ClientToken(TimeStampedModel):
    """A bearer token of the client API (`/api/v1/me/...`), issued on sign-in with the PIN.
    Only its SHA-256 hash is stored; the officer's reset of the app access revokes it."""

    access = models.ForeignKey(ClientAccess, on_delete=models.CASCADE, related_name="tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("client app token")
        verbose_name_plural = _("client app tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"
