"""The client's sign-in to the self check-in app (`ClientAccess`) and its API tokens.

1. The client's officer (or a supervisor of the office) issues an activation code: 8
   characters from an alphabet without look-alikes, shown once with a QR code of the
   activation link, stored hashed, valid 14 days. Issuing again is the reset: it clears
   the PIN, unlocks, revokes the API tokens and signs the phone out.
2. The client activates once with register number + birth date + code, choosing a PIN.
3. Later sign-ins use register number + birth date + PIN. Five wrong codes or PINs in a
   row lock the access until the officer resets it. Failures from one address are also
   counted in the cache, so one phone cannot try many clients' numbers.
Every issue, activation, sign-in and failure is an audit row in the client's access log.
"""

import datetime as dt
import hashlib
import itertools
import re
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from bimkemas.accounts.models import User
from bimkemas.audit.context import request_origin
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record
from bimkemas.clients.access import can_supervise, writable_clients
from bimkemas.clients.identity import normalise_phone
from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.selectors import open_case_of
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import DEFAULT_GRACE_DAYS, CheckIn, ClientAccess, ClientToken
from bimkemas.reporting.selectors import PeriodStatus, case_compliance

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 8
CODE_VALID_FOR = dt.timedelta(days=14)
MAX_FAILURES = 5
# Failures from one address (any client) before it must wait: slows guessing across clients.
ADDRESS_FAILURE_LIMIT = 20
ADDRESS_FAILURE_WINDOW = 15 * 60  # seconds
TOKEN_PREFIX = "lapor_"  # noqa: S105 (tells client tokens from staff tokens)
TOKEN_MAX_LENGTH = 200
TOKEN_USE_PRECISION = dt.timedelta(minutes=1)
PIN_PATTERN = re.compile(r"^\d{6}$")
MAX_QUEUED_AGE = dt.timedelta(days=DEFAULT_GRACE_DAYS)
_SESSION_SALT = "bimkemas.reporting.client_app.session"


@dataclass(frozen=True)
class IssuedCode:
    access: ClientAccess
    code: str  # shown once, never stored
    expires_at: dt.datetime

    @property
    def display_code(self) -> str:
        return f"{self.code[:4]}-{self.code[4:]}"

    @property
    def activation_url(self) -> str:
        path = reverse("portal:activate") + "?" + urlencode({"kode": self.code})
        return settings.SITE_URL.rstrip("/") + path

    def qr_data_uri(self) -> str:
        return segno.make(self.activation_url, error="m").png_data_uri(scale=6, border=2)


def can_issue_code(user: User, client: Client) -> bool:
    """The client's own officer, or a supervisor (section head, head) of its office."""
    if not (user.is_officer or can_supervise(user)):
        return False
    return writable_clients(user).filter(pk=client.pk).exists()


def access_issue_code(*, actor: User, client: Client) -> IssuedCode:
    """Issue (or reissue: reset) the activation code of a client with an open case."""
    if not can_issue_code(actor, client):
        raise ApplicationError(_("Only the client's officer or a supervisor may do this."))
    if open_case_of(client) is None:
        raise ApplicationError(_("The client has no open case to report for."))
    code = "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))
    now = timezone.now()
    with transaction.atomic():
        access, created = ClientAccess.objects.select_for_update().get_or_create(client=client)
        was_active = access.activated_at is not None
        access.activation_code_hash = make_password(code)
        access.activation_expires_at = now + CODE_VALID_FOR
        access.pin_hash = ""
        access.activated_at = None
        access.failed_attempts = 0
        access.locked_at = None
        access.save()
        access.tokens.filter(revoked_at__isnull=True).update(revoked_at=now)
        summary = (
            _("Self check-in app reset: new activation code, PIN cleared, unlocked")
            if was_active or not created
            else _("Self check-in app: activation code issued")
        )
        audit_record(
            actor=actor, action=AuditAction.GRANT, obj=access, client=client, summary=summary
        )
    return IssuedCode(access, code, access.activation_expires_at)


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").upper()


def validate_pin(pin: str, birth_date: dt.date | None = None) -> None:
    """A PIN of 6 digits that is not easy to guess."""
    if not PIN_PATTERN.match(pin or ""):
        raise ApplicationError(_("The PIN must be 6 digits."), field="pin")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if len(set(pin)) == 1 or steps in ({1}, {-1}):
        raise ApplicationError(
            _("This PIN is too easy to guess (like 111111 or 123456). Choose another."),
            field="pin",
        )
    if birth_date is not None and pin in (f"{birth_date:%d%m%y}", f"{birth_date:%y%m%d}"):
        raise ApplicationError(_("Do not use your birth date as the PIN."), field="pin")


def access_activate(
    *, register_number: str, birth_date: dt.date, code: str, pin: str
) -> ClientAccess:
    """Check the activation code and set the PIN the client chose."""
    validate_pin(pin, birth_date)
    code = normalise_code(code)
    _refuse_busy_address()
    with transaction.atomic():
        access = _access_for(register_number, birth_date)
        refusal = _activation_refusal(access, code)
        if refusal is None:
            assert access is not None
            access.pin_hash = make_password(pin)
            access.activation_code_hash = ""
            access.activation_expires_at = None
            access.activated_at = timezone.now()
            access.failed_attempts = 0
            access.save()
            audit_record(
                actor=None,
                action=AuditAction.UPDATE,
                obj=access,
                client=access.client,
                summary=_("Self check-in app activated"),
            )
            return access
    raise ApplicationError(refusal)  # after the commit: the failure count stays


def access_sign_in(*, register_number: str, birth_date: dt.date, pin: str) -> ClientAccess:
    """The client's access if the PIN is right; otherwise count the failure and refuse."""
    _refuse_busy_address()
    with transaction.atomic():
        access = _access_for(register_number, birth_date)
        refusal = _sign_in_refusal(access, pin)
        if refusal is None:
            assert access is not None
            if access.failed_attempts:
                access.failed_attempts = 0
                access.save(update_fields=["failed_attempts", "updated_at"])
            audit_record(
                actor=None,
                action=AuditAction.GRANT,
                obj=access,
                client=access.client,
                summary=_("Signed in to the self check-in app"),
            )
            return access
    raise ApplicationError(refusal)


def access_open_case(access: ClientAccess) -> SupervisionCase | None:
    """The only case a signed-in client may see and report for: their open one."""
    return open_case_of(access.client)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str  # E.164, or "" when none is known

    @property
    def whatsapp(self) -> str:
        """wa.me wants the number's digits without the plus sign."""
        return self.phone.lstrip("+")


@dataclass(frozen=True)
class ClientOverview:
    """What the client sees first: their reporting duty now, whom to call, their last
    check-ins. `due` is the earliest period still open (None once all are reported, or
    before the duty starts); `current` the period containing the day."""

    case: SupervisionCase | None
    day: dt.date
    due: PeriodStatus | None = None
    current: PeriodStatus | None = None
    officer: Contact | None = None
    office: Contact | None = None
    checkins: list[CheckIn] = field(default_factory=list)
    consecutive_misses: int = 0

    @property
    def due_is_late(self) -> bool:
        """The period has ended without a report: the client is late."""
        return self.due is not None and self.due.ends_on < self.day

    @property
    def next_starts_on(self) -> dt.date | None:
        """When the next report may be made, once the current period is reported."""
        if self.case is None or self.current is None or self.due is not None:
            return None
        following = self.current.ends_on + dt.timedelta(days=1)
        return following if following <= self.case.guidance_end else None


def client_overview(access: ClientAccess, day: dt.date) -> ClientOverview:
    case = access_open_case(access)
    if case is None:
        return ClientOverview(case=None, day=day)
    compliance = case_compliance(case, day)
    current = compliance.periods[-1] if compliance.periods else None
    officer = case.officer
    return ClientOverview(
        case=case,
        day=day,
        due=next(iter(compliance.open_periods), None),
        current=current,
        officer=Contact(officer.get_full_name() or officer.username, _phone(officer.phone))
        if officer is not None
        else None,
        office=Contact(case.office.name, _phone(case.office.phone)),
        checkins=list(CheckIn.objects.filter(case=case).order_by("-occurred_at")[:5]),
        consecutive_misses=compliance.consecutive_misses,
    )


def _phone(number: str) -> str:
    if not number:
        return ""
    try:
        return normalise_phone(number)
    except ApplicationError:
        return ""


def audit_client_read(access: ClientAccess, summary: str) -> None:
    """The client read their own record (their duty, officer, check-ins): a read like any."""
    audit_record(
        actor=None, action=AuditAction.VIEW, obj=access, client=access.client, summary=summary
    )


def reported_at(filled_at: dt.datetime | None) -> dt.datetime:
    """When a report from the phone happened: the time it was filled in (a report queued
    offline arrives later), but never in the future nor further back than the default
    grace days, so a phone's clock cannot move a report into an earlier period."""
    now = timezone.now()
    if filled_at is None:
        return now
    if timezone.is_naive(filled_at):
        filled_at = timezone.make_aware(filled_at)
    return filled_at if now - MAX_QUEUED_AGE <= filled_at <= now else now


def session_stamp(access: ClientAccess) -> str:
    """Changes whenever the PIN is set or cleared, so a reset signs every phone out."""
    return salted_hmac(_SESSION_SALT, f"{access.pk}:{access.pin_hash}").hexdigest()


def session_stamp_matches(access: ClientAccess, stamp: str) -> bool:
    return bool(access.pin_hash) and constant_time_compare(session_stamp(access), stamp)


def client_token_create(*, access: ClientAccess) -> tuple[ClientToken, str]:
    """A bearer token for the client API; the key is returned once and stored as a hash."""
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ClientToken.objects.create(access=access, key_hash=_hash(key), prefix=key[:8])
    return token, key


def client_token_authenticate(key: str) -> ClientAccess | None:
    """The signed-in client behind an unrevoked token, unless locked or reset since."""
    if not key.startswith(TOKEN_PREFIX) or len(key) > TOKEN_MAX_LENGTH:
        return None
    token = (
        ClientToken.objects.select_related("access__client")
        .filter(
            key_hash=_hash(key),
            revoked_at__isnull=True,
            access__activated_at__isnull=False,
            access__locked_at__isnull=True,
        )
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at < now - TOKEN_USE_PRECISION:
        ClientToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOKEN_USE_PRECISION)
        ).update(last_used_at=now)
    return token.access


def client_token_revoke(key: str) -> None:
    ClientToken.objects.filter(key_hash=_hash(key), revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _access_for(register_number: str, birth_date: dt.date) -> ClientAccess | None:
    """The app access of the client whose open case has this register number."""
    number = (register_number or "").strip()
    if not number or birth_date is None:
        return None
    clients = (
        SupervisionCase.objects.open()
        .filter(register_number__iexact=number, client__birth_date=birth_date)
        .values("client_id")
    )
    return (
        ClientAccess.objects.select_for_update()
        .select_related("client")
        .filter(client_id__in=clients)
        .first()
    )


LOCKED = gettext_lazy("Too many wrong tries: the app is locked. Ask your officer to reset it.")


def _activation_refusal(access: ClientAccess | None, code: str) -> str | None:
    if access is None:
        make_password(code)  # the same work as a real check: timing says nothing
        _count_address_failure()
        return _("The register number, birth date or activation code is not right.")
    if access.locked_at is not None:
        return str(LOCKED)
    if access.activated_at is not None and not access.activation_code_hash:
        return _("The app is already activated. Sign in with your PIN.")
    expired = access.activation_expires_at is None or access.activation_expires_at < timezone.now()
    if expired or not access.activation_code_hash:
        return _("This activation code has expired. Ask your officer for a new one.")
    if not check_password(code, access.activation_code_hash):
        return _failure(
            access, _("The register number, birth date or activation code is not right.")
        )
    return None


def _sign_in_refusal(access: ClientAccess | None, pin: str) -> str | None:
    if access is None or not access.pin_hash:
        make_password(pin or "")
        _count_address_failure()
        if access is not None:
            return _("The app is not activated yet. Activate it with the code from your officer.")
        return _("The register number, birth date or PIN is not right.")
    if access.locked_at is not None:
        _count_address_failure()
        return str(LOCKED)
    if not check_password(pin or "", access.pin_hash):
        return _failure(access, _("The register number, birth date or PIN is not right."))
    return None


def _failure(access: ClientAccess, message: str) -> str:
    """Count a wrong code or PIN for this client; the fifth in a row locks."""
    _count_address_failure()
    access.failed_attempts += 1
    locked = access.failed_attempts >= MAX_FAILURES
    if locked:
        access.locked_at = timezone.now()
    access.save(update_fields=["failed_attempts", "locked_at", "updated_at"])
    summary = (
        _("Self check-in app locked after %(count)d wrong tries")
        if locked
        else _("Wrong PIN or code in the self check-in app (%(count)d of %(limit)d)")
    ) % {"count": access.failed_attempts, "limit": MAX_FAILURES}
    audit_record(
        actor=None,
        action=AuditAction.STATUS if locked else AuditAction.UPDATE,
        obj=access,
        client=access.client,
        summary=summary,
    )
    if locked:
        return str(LOCKED)
    left = MAX_FAILURES - access.failed_attempts
    warning = ngettext(
        "One more wrong try and the app is locked.",
        "%(left)d more wrong tries and the app is locked.",
        left,
    ) % {"left": left}
    return f"{message} {warning}"


def _address_key() -> str | None:
    address, _channel = request_origin.get()
    return f"client-app-failures:{address}" if address else None


def _count_address_failure() -> None:
    key = _address_key()
    if key is None:
        return
    if not cache.add(key, 1, ADDRESS_FAILURE_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, ADDRESS_FAILURE_WINDOW)


def _refuse_busy_address() -> None:
    key = _address_key()
    if key is not None and (cache.get(key) or 0) >= ADDRESS_FAILURE_LIMIT:
        raise ApplicationError(
            _("Too many wrong tries from this phone. Wait 15 minutes and try again.")
        )
