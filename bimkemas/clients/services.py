"""Writes about clients and their cases. Each takes the acting user, validates, runs in one
transaction and writes its audit row in that same transaction."""

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record, changes_between, snapshot
from bimkemas.clients.identity import name_key, normalise_phone, validate_nik
from bimkemas.clients.models import (
    CASE_TERMS_FIELDS,
    CLOSED_STATUSES,
    IDENTITY_FIELDS,
    PHOTO_KINDS,
    Assignment,
    CaseAccessGrant,
    CaseDocument,
    CaseStatus,
    Client,
    ClientPhone,
    DocumentKind,
    Guarantor,
    IntakeRequest,
    LocalContact,
    RegisterCounter,
    Sex,
    SupervisionCase,
)
from bimkemas.clients.selectors import PossibleDuplicate, find_possible_duplicates
from bimkemas.clients.stages import stage_offsets
from bimkemas.clients.uploads import check_upload
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.files import atomic_with_files, store_file
from bimkemas.notifications.models import Channel
from bimkemas.notifications.services import notification_enqueue

CLIENT_AUDITED_FIELDS = IDENTITY_FIELDS
COORDINATE_PLACES = Decimal("0.000001")  # about 11 cm
CASE_AUDITED_FIELDS = (
    "register_number",
    *CASE_TERMS_FIELDS,
    "aftercare_until",
    "status",
    "closed_on",
    "officer",
)


def _full_clean(instance, *, prefix: str = "", exclude: Iterable[str] = ()) -> None:
    # Constraints are checked by the services themselves, with messages tied to a field;
    # Django's generic "constraint violated" would otherwise come first.
    try:
        instance.full_clean(
            exclude=list(exclude), validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        raise ApplicationError.from_validation_error(error, prefix=prefix) from error


def _clean_identity(client: Client) -> None:
    client.full_name = " ".join(client.full_name.split())
    if not client.full_name:
        raise ApplicationError(_("Enter the client's full name."), field="full_name")
    if client.birth_date and client.birth_date > today():
        raise ApplicationError(_("The date of birth is in the future."), field="birth_date")
    if client.nik:
        female = client.sex == Sex.FEMALE if client.sex else None
        client.nik = validate_nik(client.nik, birth_date=client.birth_date, female=female)
    else:
        client.nik = None
    client.name_key = name_key(client.full_name)
    if (client.home_latitude is None) != (client.home_longitude is None):
        raise ApplicationError(
            _("Enter both the latitude and the longitude of the home, or neither."),
            field="home_latitude",
        )
    for name in ("home_latitude", "home_longitude"):
        value = getattr(client, name)
        if value is not None:
            setattr(client, name, Decimal(str(value)).quantize(COORDINATE_PLACES))
    if client.work_area_id and client.work_area.office_id != client.office_id:
        raise ApplicationError(_("This area is not in the office's work area."), field="work_area")


def _clean_case_dates(case: SupervisionCase) -> None:
    if case.guidance_end < case.guidance_start:
        raise ApplicationError(
            _("The guidance period ends before it starts."), field="guidance_end"
        )
    if case.sk_date > today():
        raise ApplicationError(_("The SK date is in the future."), field="sk_date")
    if case.received_on > today():
        raise ApplicationError(_("The reception date is in the future."), field="received_on")
    if case.aftercare_until and case.aftercare_until <= case.guidance_end:
        raise ApplicationError(
            _("After-care must end after the guidance period."), field="aftercare_until"
        )


def case_set_stage_dates(case: SupervisionCase, office: Office) -> None:
    """Store the days on which tahap lanjutan and tahap akhir begin."""
    lanjutan_at, akhir_at = stage_offsets(
        case.guidance_start, case.guidance_end, office.stage_fractions
    )
    case.lanjutan_from = case.guidance_start + dt.timedelta(days=lanjutan_at)
    case.akhir_from = case.guidance_start + dt.timedelta(days=akhir_at)


@transaction.atomic
def office_set_stage_fractions(
    *, actor: User, office: Office, awal_end: Decimal, lanjutan_end: Decimal
) -> int:
    """Change where an office's stages begin and move every case's stored stage dates.

    Returns the number of cases whose dates were recomputed.
    """
    if not Decimal(0) < awal_end < lanjutan_end < Decimal(1):
        raise ApplicationError(_("The initial stage must end before the continued stage."))
    before = snapshot(office, ("stage_awal_end", "stage_lanjutan_end"))
    office.stage_awal_end, office.stage_lanjutan_end = awal_end, lanjutan_end
    office.save(update_fields=["stage_awal_end", "stage_lanjutan_end", "updated_at"])
    cases = list(
        SupervisionCase.objects.filter(office=office).only(
            "pk", "guidance_start", "guidance_end", "lanjutan_from", "akhir_from"
        )
    )
    for case in cases:
        case_set_stage_dates(case, office)
    SupervisionCase.objects.bulk_update(cases, ["lanjutan_from", "akhir_from"], batch_size=2000)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=office,
        summary=_("Stage fractions changed; %(count)d cases recomputed") % {"count": len(cases)},
        changes=changes_between(before, snapshot(office, ("stage_awal_end", "stage_lanjutan_end"))),
    )
    return len(cases)


def next_register_number(*, office: Office, case: SupervisionCase, category: str) -> str:
    """The next number in the office's register, in the office's format. Call in a transaction."""
    year = case.received_on.year
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        office=office, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return office.register_format.format(
        seq=counter.last,
        year=year,
        programme=case.programme.code,
        category="A" if category == "anak" else "D",
        code=office.code.upper(),
    )


class PossibleDuplicatesFound(ApplicationError):
    """The person may already be registered: the caller shows `matches` and asks whether
    this is one of them (a returning client) or a different person."""

    def __init__(self, matches: list[PossibleDuplicate]) -> None:
        super().__init__(_("This person may already be registered."))
        self.matches = matches


class IdempotencyKeyReused(ApplicationError):
    """The idempotency key of an earlier intake was sent again with different content."""


@atomic_with_files
def client_intake(
    *,
    actor: User,
    identity: Mapping[str, Any],
    case: Mapping[str, Any],
    phones: Iterable[Mapping[str, Any]] = (),
    guarantors: Iterable[Mapping[str, Any]] = (),
    contacts: Iterable[Mapping[str, Any]] = (),
    documents: Iterable[tuple[str, UploadedFile]] = (),
    existing_client: Client | None = None,
    check_duplicates: bool = False,
    idempotency_key: str = "",
    fingerprint: str = "",
) -> SupervisionCase:
    """Receive and register a client handed over by a Lapas/Rutan/LPKA.

    1. Lock the office's row, so that intakes in the office run one at a time and the
       checks below cannot both pass for two simultaneous requests.
    2. An `idempotency_key` already used by the actor returns that intake's case (the same
       `fingerprint`) or is refused (other content).
    3. With `check_duplicates`, a new person who may already be registered is refused with
       `PossibleDuplicatesFound`; the caller asks the user and sends the answer.
    4. Reuse `existing_client` (a returning client) or create the person, refusing a NIK
       already registered anywhere, since that person must get a new case instead.
    5. Refuse a second open case for the same person.
    6. Create the case with the next register number and its stage dates.
    7. Store contacts and handover documents; audit everything in this transaction.
    Any error rolls the whole intake back.
    """
    office = actor.office
    if office is None:
        raise ApplicationError(_("Only staff of a Bapas can take clients in."))
    # On PostgreSQL a row lock; SQLite (transaction_mode IMMEDIATE) already runs one writer.
    Office.objects.select_for_update().filter(pk=office.pk).first()
    if idempotency_key:
        earlier = _earlier_intake(actor, idempotency_key, fingerprint)
        if earlier is not None:
            return earlier
    if check_duplicates and existing_client is None:
        matches = find_possible_duplicates(
            office_id=office.pk,
            nik="".join((identity.get("nik") or "").split()),
            full_name=identity.get("full_name") or "",
            birth_date=identity.get("birth_date"),
        )
        if matches:
            raise PossibleDuplicatesFound(matches)
    client = existing_client or _create_client(actor=actor, office=office, identity=identity)
    if existing_client is not None and existing_client.office_id != office.pk:
        raise ApplicationError(_("This client belongs to another Bapas; ask for a transfer."))
    if client.cases.open().exists():
        raise ApplicationError(_("This client already has an open case."))
    new_case = SupervisionCase(
        client=client, office=office, registered_by=actor, status=CaseStatus.REGISTERED, **case
    )
    new_case.received_on = new_case.received_on or today()
    _full_clean(new_case, exclude=["register_number", "lanjutan_from", "akhir_from"])
    _clean_case_dates(new_case)
    case_set_stage_dates(new_case, office)
    new_case.register_number = next_register_number(
        office=office, case=new_case, category=client.category
    )
    new_case.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=new_case,
        client=client,
        summary=_("Case registered: %(number)s") % {"number": new_case.register_number},
        changes=changes_between({}, snapshot(new_case, CASE_AUDITED_FIELDS)),
    )
    _add_contacts(actor, client, phones, guarantors, contacts)
    _add_documents(actor, new_case, documents)
    if idempotency_key:
        IntakeRequest.objects.create(
            user=actor, key=idempotency_key, fingerprint=fingerprint, client=client, case=new_case
        )
    return new_case


def _earlier_intake(actor: User, key: str, fingerprint: str) -> SupervisionCase | None:
    earlier = IntakeRequest.objects.filter(user=actor, key=key).select_related("case").first()
    if earlier is None:
        return None
    if earlier.fingerprint != fingerprint:
        raise IdempotencyKeyReused(
            _(
                "This idempotency key was already used for a different intake. "
                "Send a new key for a new intake."
            ),
            field="idempotency_key",
        )
    return earlier.case


def audit_duplicates_shown(*, actor: User, matches: Iterable[PossibleDuplicate]) -> None:
    """Showing a possible duplicate's details (name, birth date, address, register number)
    is a read of that client: one row each, in the client's access log. Another office's
    match is shown by its office only, so it is not a read of the person."""
    for match in matches:
        if match.same_office:
            audit_record(
                actor=actor,
                action=AuditAction.VIEW,
                obj=match.client,
                client=match.client,
                summary=_("Shown as a possible duplicate at intake"),
            )


def _add_documents(
    actor: User, case: SupervisionCase, documents: Iterable[tuple[str, UploadedFile]]
) -> None:
    """Store handover files, each checked before any is written (a failed intake removes
    those already written: `atomic_with_files`)."""
    documents = list(documents)
    for kind, upload in documents:
        check_upload(upload, field=kind)
    for kind, upload in documents:
        document_add(actor=actor, case=case, kind=kind, upload=upload)


def _create_client(*, actor: User, office: Office, identity: Mapping[str, Any]) -> Client:
    client = Client(office=office, **identity)
    _clean_identity(client)
    _full_clean(client, exclude=["name_key", "photo"])
    if client.nik and Client.objects.filter(nik=client.nik).exists():
        raise ApplicationError(
            _("A client with this NIK is already registered. Take in the existing client."),
            field="nik",
        )
    client.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=client,
        client=client,
        summary=_("Client record created"),
        changes=changes_between({}, snapshot(client, CLIENT_AUDITED_FIELDS)),
    )
    return client


def _add_contacts(actor, client, phones, guarantors, contacts) -> None:
    for index, entry in enumerate(phones):
        # A number given twice, or already on a returning client's file, is kept once.
        phone_add(
            actor=actor,
            client=client,
            number=entry["number"],
            label=entry.get("label", ""),
            field=f"phones.{index}.number",
            exists_ok=True,
        )
    for index, data in enumerate(guarantors):
        guarantor_add(actor=actor, client=client, data=data, prefix=f"guarantors.{index}.")
    for index, data in enumerate(contacts):
        local_contact_add(actor=actor, client=client, data=data, prefix=f"contacts.{index}.")


def _person_add(actor: User, person: Guarantor | LocalContact, prefix: str, summary: str) -> None:
    """Validate and save a guarantor or local contact of a client, with its audit row."""
    if person.phone:
        person.phone = normalise_phone(person.phone, field=f"{prefix}phone")
    _full_clean(person, prefix=prefix, exclude=["client"])
    person.save()
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=person, client=person.client, summary=summary
    )


def guarantor_add(
    *, actor: User, client: Client, data: Mapping[str, Any], prefix: str = ""
) -> Guarantor:
    guarantor = Guarantor(client=client, **data)
    summary = _("Guarantor added: %(name)s") % {"name": guarantor.name}
    _person_add(actor, guarantor, prefix, summary)
    return guarantor


def local_contact_add(
    *, actor: User, client: Client, data: Mapping[str, Any], prefix: str = ""
) -> LocalContact:
    contact = LocalContact(client=client, **data)
    _person_add(actor, contact, prefix, str(contact))
    return contact


@transaction.atomic
def client_update(*, actor: User, client: Client, data: Mapping[str, Any]) -> Client:
    """Change identity or address fields; the audit row lists each old and new value."""
    client = Client.objects.select_for_update().get(pk=client.pk)
    before = snapshot(client, CLIENT_AUDITED_FIELDS)
    for name, value in data.items():
        if name not in CLIENT_AUDITED_FIELDS:
            raise ApplicationError(_("This field cannot be changed here."), field=name)
        setattr(client, name, value)
    _clean_identity(client)
    _full_clean(client, exclude=["name_key", "photo"])
    if client.nik and Client.objects.filter(nik=client.nik).exclude(pk=client.pk).exists():
        raise ApplicationError(_("Another client already has this NIK."), field="nik")
    changes = changes_between(before, snapshot(client, CLIENT_AUDITED_FIELDS))
    if changes:
        client.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=client,
            client=client,
            summary=_("Identity changed"),
            changes=changes,
        )
    return client


# What an officer may correct on a case after intake; never its register number or status.
CASE_EDITABLE_FIELDS = (*CASE_TERMS_FIELDS, "aftercare_until")


@transaction.atomic
def case_update(*, actor: User, case: SupervisionCase, data: Mapping[str, Any]) -> SupervisionCase:
    """Correct an open case's SK data; the audit row lists each old and new value. New
    guidance dates move the stored stage dates; the register number stays as issued."""
    case = (
        SupervisionCase.objects.select_for_update()
        .select_related("client", "office")
        .get(pk=case.pk)
    )
    if not case.is_open:
        raise ApplicationError(_("A closed case cannot be changed."))
    before = snapshot(case, CASE_AUDITED_FIELDS)
    for name, value in data.items():
        if name not in CASE_EDITABLE_FIELDS:
            raise ApplicationError(_("This field cannot be changed here."), field=name)
        setattr(case, name, value)
    _full_clean(case, exclude=["register_number", "lanjutan_from", "akhir_from"])
    _clean_case_dates(case)
    changes = changes_between(before, snapshot(case, CASE_AUDITED_FIELDS))
    if changes:
        if {"guidance_start", "guidance_end"} & changes.keys():
            case_set_stage_dates(case, case.office)
        case.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=case,
            client=case.client,
            summary=_("Case data changed: %(number)s") % {"number": case.register_number},
            changes=changes,
        )
    return case


@transaction.atomic
def phone_add(
    *,
    actor: User,
    client: Client,
    number: str,
    label: str = "",
    field: str = "number",
    exists_ok: bool = False,
) -> ClientPhone:
    """Record a phone number of a client once. A number already recorded is refused, or
    with `exists_ok` (at intake) the recorded one is returned unchanged."""
    phone = ClientPhone(client=client, number=normalise_phone(number, field=field), label=label)
    recorded = client.phones.filter(number=phone.number).first()
    if recorded is not None:
        if exists_ok:
            return recorded
        raise ApplicationError(_("This number is already recorded."), field=field)
    phone.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=phone,
        client=client,
        summary=_("Phone added: %(number)s") % {"number": phone.number},
    )
    return phone


@transaction.atomic
def phone_set_reachable(
    *, actor: User | None, phone: ClientPhone, reachable: bool, on: dt.date | None = None
) -> ClientPhone:
    """Record the result of calling a number: reachable (with the date) or not. The actor is
    None when the system found out (a message gateway rejected the number)."""
    before = snapshot(phone, ("verified_reachable", "verified_on"))
    phone.verified_reachable = reachable
    phone.verified_on = on or today()
    phone.save(update_fields=["verified_reachable", "verified_on", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=phone,
        client=phone.client,
        summary=_("Phone %(number)s checked") % {"number": phone.number},
        changes=changes_between(before, snapshot(phone, ("verified_reachable", "verified_on"))),
    )
    return phone


@atomic_with_files
def document_add(
    *, actor: User, case: SupervisionCase, kind: str, upload: UploadedFile
) -> CaseDocument:
    if kind not in DocumentKind.values:
        raise ApplicationError(_("Unknown document kind."), field="kind")
    content_type = check_upload(upload, field=kind)
    document = CaseDocument(
        case=case,
        kind=kind,
        original_name=(upload.name or "dokumen")[:200],
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor,
    )
    store_file(document.file, upload.name or "dokumen", upload)
    document.save()
    # A front photo becomes the client's photo; a side or back one only if there is none yet.
    # Asked of the database: the caller's client object may predate an earlier photo.
    if kind == DocumentKind.PHOTO_FRONT:
        Client.objects.filter(pk=case.client_id).update(photo=document)
    elif kind in PHOTO_KINDS:
        Client.objects.filter(pk=case.client_id, photo__isnull=True).update(photo=document)
    if kind in PHOTO_KINDS:
        case.client.refresh_from_db(fields=["photo"])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=document,
        client=case.client,
        summary=str(document),
    )
    return document


@transaction.atomic
def case_assign(
    *, actor: User, case: SupervisionCase, officer: User, reason: str = ""
) -> SupervisionCase:
    """Give a case to an officer; an earlier assignment is closed, never deleted."""
    case = SupervisionCase.objects.select_for_update().select_related("client").get(pk=case.pk)
    if not case.is_open:
        raise ApplicationError(_("A closed case cannot be assigned."))
    works_here = case.office_id in officer.offices_on(today())  # includes a secondment here
    if (
        not officer.is_officer
        or not officer.is_active
        or not (works_here or officer.office_id == case.office_id)
    ):
        raise ApplicationError(_("Choose a PK or APK of this office."), field="officer")
    if not works_here:
        raise ApplicationError(
            _("This officer is away (seconded, on leave or rotating)."), field="officer"
        )
    if case.officer_id == officer.pk:
        raise ApplicationError(_("The case is already assigned to this officer."), field="officer")
    previous = case.officer
    Assignment.objects.filter(case=case, ended_at__isnull=True).update(ended_at=timezone.now())
    assignment = Assignment.objects.create(
        case=case, officer=officer, assigned_by=actor, reason=reason
    )
    case.officer = officer
    if case.status in (CaseStatus.RECEIVED, CaseStatus.REGISTERED):  # received: transferred in
        case.status = CaseStatus.ACTIVE
    case.save(update_fields=["officer", "status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.ASSIGN,
        obj=case,
        client=case.client,
        summary=_("Assigned to %(officer)s") % {"officer": officer},
        changes={"officer": [str(previous) if previous else None, str(officer)]},
    )
    # Stored text, read later by the officer: in the site's language, not the actor's.
    with translation.override(settings.LANGUAGE_CODE):
        notification_enqueue(
            recipient=officer,
            purpose_key=f"case-assigned:{assignment.pk}",
            subject=_("New client assigned: %(name)s (%(register)s)")
            % {"name": case.client.full_name, "register": case.register_number},
            body=_("%(actor)s assigned this client to you.") % {"actor": actor},
            url=reverse("client_detail", args=[case.client.public_id]),
            channels=(Channel.IN_APP, Channel.EMAIL),
        )
    return case


def assignment_mark_seen(*, actor: User, client: Client) -> None:
    """The assigned officer opened the client's page: the case is no longer "newly
    assigned" on their home page. One conditional UPDATE; not audited (the view is)."""
    Assignment.objects.filter(
        case__client=client, officer=actor, ended_at__isnull=True, seen_at__isnull=True
    ).update(seen_at=timezone.now())


@transaction.atomic
def case_close(
    *, actor: User, case: SupervisionCase, status: str, closed_on: dt.date, note: str = ""
) -> SupervisionCase:
    """End a case: completed, revoked, died or transferred."""
    case = SupervisionCase.objects.select_for_update().select_related("client").get(pk=case.pk)
    if status not in CLOSED_STATUSES or not case.can_move_to(status):
        raise ApplicationError(_("This case cannot move to that status."), field="status")
    if closed_on > today() or closed_on < case.received_on:
        raise ApplicationError(
            _("The closing date must lie between the reception date and today."),
            field="closed_on",
        )
    before = case.status
    case.status, case.closed_on, case.closing_note = status, closed_on, note
    case.save(update_fields=["status", "closed_on", "closing_note", "updated_at"])
    Assignment.objects.filter(case=case, ended_at__isnull=True).update(ended_at=timezone.now())
    audit_record(
        actor=actor,
        action=AuditAction.STATUS,
        obj=case,
        client=case.client,
        summary=note[:300],
        changes={"status": [before, status]},
    )
    return case


@transaction.atomic
def case_grant_access(
    *, actor: User, case: SupervisionCase, officer: User, until: dt.date
) -> CaseAccessGrant:
    """Let another officer of the office read a case until a date."""
    if officer.office_id != case.office_id or not officer.is_officer or not officer.is_active:
        raise ApplicationError(_("Choose a PK or APK of this office."), field="officer")
    if not case.is_open:
        raise ApplicationError(_("A closed case cannot be shared."))
    if until < today():
        raise ApplicationError(_("The end date is in the past."), field="until")
    grant = CaseAccessGrant.objects.create(
        case=case, officer=officer, granted_by=actor, until=until
    )
    audit_record(
        actor=actor,
        action=AuditAction.GRANT,
        obj=case,
        client=case.client,
        summary=_("%(officer)s may read this case until %(until)s")
        % {"officer": officer, "until": until},
    )
    return grant
