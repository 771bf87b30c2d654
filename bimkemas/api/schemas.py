"""Input and output schemas of API v1. Every string and number is bounded, so that bad
input is a 422 and never reaches the database."""

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, StrictBool, StrictInt

from bimkemas.accounts.models import AbsenceKind
from bimkemas.clients.models import (
    SENTENCE_LIMITS,
    CaseStatus,
    Category,
    ContactKind,
    CrimeCategory,
    DocumentKind,
    Religion,
    Sex,
)
from bimkemas.clients.stages import Stage
from bimkemas.core.validators import clean_person_text

MAX_ID = 2**31 - 1


def _no_nul(value: str) -> str:
    # Databases refuse NUL characters in text (PostgreSQL raises); refuse them here instead.
    if "\x00" in value:
        raise ValueError(_("NUL characters are not allowed."))
    return value


def _person_text(value: str) -> str:
    try:
        return clean_person_text(value)
    except DjangoValidationError as error:
        raise ValueError(error.messages[0]) from None


NoNul = AfterValidator(_no_nul)
# Names, places and addresses: no hidden or control characters, some letter, NFC form.
PersonText = AfterValidator(_person_text)
Str8 = Annotated[str, Field(max_length=8), NoNul]
Str20 = Annotated[str, Field(max_length=20), NoNul]
Str40 = Annotated[str, Field(max_length=40), NoNul]
Str60 = Annotated[str, Field(max_length=60), NoNul]
Str100 = Annotated[str, Field(max_length=100), NoNul]
Str150 = Annotated[str, Field(max_length=150), NoNul]
Str200 = Annotated[str, Field(max_length=200), NoNul]
Str300 = Annotated[str, Field(max_length=300), NoNul]
LongText = Annotated[str, Field(max_length=5000), NoNul]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# In JSON bodies a number must be a number and a boolean a boolean: no "5", 0 or "yes".
BodyId = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]
Years = Annotated[StrictInt, Field(ge=0, le=SENTENCE_LIMITS["sentence_years"])]
Months = Annotated[StrictInt, Field(ge=0, le=SENTENCE_LIMITS["sentence_months"])]
Days = Annotated[StrictInt, Field(ge=0, le=SENTENCE_LIMITS["sentence_days"])]
Name200 = Annotated[str, Field(max_length=200), NoNul, PersonText]
Name60 = Annotated[str, Field(max_length=60), NoNul, PersonText]
Place100 = Annotated[str, Field(max_length=100), NoNul, PersonText]
Text200 = Annotated[str, Field(max_length=200), NoNul, PersonText]
Text300 = Annotated[str, Field(max_length=300), NoNul, PersonText]


class InputSchema(Schema):
    """A JSON body: an object with only the declared fields (an array or a misspelt field
    is a 422, not a request that silently does nothing)."""

    model_config = ConfigDict(extra="forbid")


# --- shared pieces -------------------------------------------------------------------------


class OfficeRef(Schema):
    code: str
    name: str


class PersonRef(Schema):
    id: uuid.UUID
    name: str


class WorkAreaOut(Schema):
    id: int
    kind: str
    name: str


class Choice(Schema):
    value: str
    label: str


# --- me and tokens -------------------------------------------------------------------------


class TokenIn(InputSchema):
    username: Str150
    password: Annotated[str, Field(max_length=128)]
    name: Str100


class TokenOut(Schema):
    token: str
    prefix: str


class MeOut(Schema):
    id: uuid.UUID
    username: str
    name: str
    role: str
    role_label: str
    rank: str
    title: str
    office: OfficeRef | None


# --- clients -------------------------------------------------------------------------------


class OpenCaseOut(Schema):
    id: uuid.UUID
    register_number: str
    programme: str
    stage: Stage
    officer: str | None
    guidance_end: dt.date


class ClientSummary(Schema):
    id: uuid.UUID
    full_name: str
    category: Category
    work_area: str
    open_case: OpenCaseOut | None


class ClientPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ClientSummary]


class ClientQuery(Schema):
    q: Str100 = ""
    stage: Stage | None = None
    programme: Str20 = ""
    area: Id | None = Field(None, description="WorkArea id")
    officer: uuid.UUID | None = Field(None, description="Officer public id")
    category: Category | None = None
    status: Annotated[str, Field(pattern="^(open|all)$")] = "open"
    ending_soon: bool = Field(False, description="Guidance ends within the office's window")
    unassigned: bool = Field(False, description="Open cases waiting for an officer")
    phones_to_check: bool = Field(False, description="A phone never verified or found unreachable")
    page: Annotated[int, Field(ge=1, le=100_000)] = 1
    page_size: Annotated[int, Field(ge=1, le=200)] = 50


class PhoneOut(Schema):
    id: uuid.UUID
    number: str
    label: str
    verified_reachable: bool
    verified_on: dt.date | None


class GuarantorOut(Schema):
    name: str
    relation: str
    phone: str
    address: str


class ContactOut(Schema):
    kind: ContactKind
    name: str
    phone: str


class StageSpanOut(Schema):
    stage: Stage
    first_day: dt.date
    last_day: dt.date
    days: int


class DocumentOut(Schema):
    id: uuid.UUID
    case: uuid.UUID
    kind: DocumentKind
    original_name: str
    content_type: str
    size: int
    uploaded_at: dt.datetime


class CaseSummary(Schema):
    id: uuid.UUID
    register_number: str
    programme: str
    status: CaseStatus
    stage: Stage
    guidance_start: dt.date
    guidance_end: dt.date
    officer: PersonRef | None
    timeline: list[StageSpanOut]


class ClientDetail(Schema):
    id: uuid.UUID
    office: OfficeRef
    full_name: str
    aliases: str
    nik: str | None
    birth_place: str
    birth_date: dt.date
    sex: Sex
    religion: Religion
    category: Category
    street: str
    rt: str
    rw: str
    kelurahan: str
    kecamatan: str
    work_area: WorkAreaOut
    address_line: str
    home_latitude: Decimal | None
    home_longitude: Decimal | None
    photo: uuid.UUID | None
    phones: list[PhoneOut]
    guarantors: list[GuarantorOut]
    contacts: list[ContactOut]
    cases: list[CaseSummary]
    documents: list[DocumentOut]


class ClientPatch(InputSchema):
    full_name: Name200 | None = None
    aliases: Text300 | None = None
    nik: Annotated[str, Field(max_length=32), NoNul] | None = None
    birth_place: Place100 | None = None
    birth_date: dt.date | None = None
    sex: Sex | None = None
    religion: Religion | None = None
    category: Category | None = None
    street: Text200 | None = None
    rt: Annotated[str, Field(max_length=3), NoNul] | None = None
    rw: Annotated[str, Field(max_length=3), NoNul] | None = None
    kelurahan: Place100 | None = None
    kecamatan: Place100 | None = None
    work_area: BodyId | None = None
    home_latitude: Annotated[Decimal, Field(ge=-90, le=90)] | None = None
    home_longitude: Annotated[Decimal, Field(ge=-180, le=180)] | None = None


class PhoneIn(InputSchema):
    number: Str40
    label: Str60 = ""


class PhoneCheckIn(InputSchema):
    reachable: StrictBool


class AuditEventOut(Schema):
    occurred_at: dt.datetime
    actor: str | None
    actor_id: uuid.UUID | None
    action: str
    object_type: str
    object_id: str
    summary: str
    changes: dict
    channel: str


class AuditPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[AuditEventOut]


class PageQuery(Schema):
    page: Annotated[int, Field(ge=1, le=100_000)] = 1
    page_size: Annotated[int, Field(ge=1, le=200)] = 50


class AccessLogQuery(PageQuery):
    reads_only: bool = Field(False, description="Only views, lists and downloads")


# --- intake --------------------------------------------------------------------------------


class IdentityIn(InputSchema):
    full_name: Name200
    aliases: Text300 = ""
    nik: Annotated[str, Field(max_length=32), NoNul] = ""
    birth_place: Place100
    birth_date: dt.date
    sex: Sex
    religion: Religion
    category: Category
    street: Text200 = ""
    rt: Annotated[str, Field(max_length=3), NoNul] = ""
    rw: Annotated[str, Field(max_length=3), NoNul] = ""
    kelurahan: Place100
    kecamatan: Place100
    work_area: BodyId


class CaseIn(InputSchema):
    programme: Str20 = Field(..., description="Programme code, e.g. PB")
    origin_facility: BodyId
    sk_number: Str100
    sk_date: dt.date
    sk_issuer: Str150
    offence_law: Str100
    offence_article: Str100
    crime_category: CrimeCategory
    sentence_years: Years = 0
    sentence_months: Months = 0
    sentence_days: Days = 0
    guidance_start: dt.date
    guidance_end: dt.date
    aftercare_until: dt.date | None = None
    general_conditions: LongText = ""
    special_conditions: LongText = ""
    received_on: dt.date | None = None


class GuarantorIn(InputSchema):
    name: Name200
    relation: Name60
    phone: Str20 = ""
    address: Text300 = ""


class ContactIn(InputSchema):
    kind: ContactKind
    name: Name200
    phone: Str20 = ""


class IntakeIn(InputSchema):
    identity: IdentityIn | None = Field(None, description="Required unless existing_client")
    case: CaseIn
    phones: list[PhoneIn] = Field(default_factory=list, max_length=10)
    guarantors: list[GuarantorIn] = Field(default_factory=list, max_length=10)
    contacts: list[ContactIn] = Field(default_factory=list, max_length=10)
    existing_client: uuid.UUID | None = None
    confirm_new_person: StrictBool = False


class DuplicateMatch(Schema):
    same_office: bool
    reason: str
    office: str
    id: uuid.UUID | None = None
    full_name: str | None = None
    birth_date: dt.date | None = None
    register_number: str | None = None


class DuplicatesOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}
    matches: list[DuplicateMatch]


# --- cases ---------------------------------------------------------------------------------


class AssignmentOut(Schema):
    officer: PersonRef
    assigned_by: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    reason: str


class CaseDetail(Schema):
    id: uuid.UUID
    register_number: str
    client: PersonRef
    office: OfficeRef
    programme: Choice
    status: CaseStatus
    stage: Stage
    timeline: list[StageSpanOut]
    sk_number: str
    sk_date: dt.date
    sk_issuer: str
    origin_facility: str
    offence_law: str
    offence_article: str
    crime_category: CrimeCategory
    sentence: str
    guidance_start: dt.date
    guidance_end: dt.date
    aftercare_until: dt.date | None
    general_conditions: str
    special_conditions: str
    received_on: dt.date
    closed_on: dt.date | None
    closing_note: str
    officer: PersonRef | None
    assignments: list[AssignmentOut]
    documents: list[DocumentOut]


class CasePatch(InputSchema):
    """The fields sent are changed; null clears after-care or the conditions."""

    programme: Str20 | None = Field(None, description="Programme code, e.g. PB")
    origin_facility: BodyId | None = Field(None, description="Facility id")
    sk_number: Str100 | None = None
    sk_date: dt.date | None = None
    sk_issuer: Str150 | None = None
    offence_law: Str100 | None = None
    offence_article: Str100 | None = None
    crime_category: CrimeCategory | None = None
    sentence_years: Years | None = None
    sentence_months: Months | None = None
    sentence_days: Days | None = None
    guidance_start: dt.date | None = None
    guidance_end: dt.date | None = None
    aftercare_until: dt.date | None = None
    general_conditions: LongText | None = None
    special_conditions: LongText | None = None
    received_on: dt.date | None = None


class AssignIn(InputSchema):
    officer: uuid.UUID
    reason: Str300 = ""


class CloseIn(InputSchema):
    # Only the closing statuses: the service's transition table would also let a
    # registered case "close" as active.
    status: Literal["completed", "revoked", "died", "transferred"]
    closed_on: dt.date
    note: LongText = ""


class GrantIn(InputSchema):
    officer: uuid.UUID
    until: dt.date


class GrantOut(Schema):
    case: uuid.UUID
    officer: PersonRef
    until: dt.date


# --- officers and overviews ----------------------------------------------------------------


class OfficerOut(Schema):
    id: uuid.UUID
    username: str
    name: str
    role: str
    rank: str
    title: str
    case_count: int
    weighted_load: float
    available: bool
    absence: AbsenceKind | None
    seconded_to: str | None = None  # the receiving office of a secondment (BKO)
    absent_until: dt.date | None = None
    work_areas: list[str]


class ProposalOut(Schema):
    officer: OfficerOut | None


class CaseLine(Schema):
    id: uuid.UUID
    register_number: str
    client: PersonRef
    programme: str
    stage: Stage
    guidance_end: dt.date


class CaseloadOut(Schema):
    officer: OfficerOut
    cases: list[CaseLine]


class OfficeOverviewOut(Schema):
    office: OfficeRef
    day: dt.date
    clients: int
    adults: int
    juveniles: int
    by_programme: dict[str, int]
    by_stage: dict[str, int]
    unassigned: int
    officers: int
    officers_by_rank: dict[str, int]
    seconded: int
    seconded_to: dict[str, int]
    rotating: int
    on_leave: int
    active_officers: int
    clients_per_active_officer: int


class OfficeFigures(Schema):
    office: OfficeRef
    clients: int
    officers: int
    active_officers: int
    clients_per_active_officer: int | None = Field(
        description="Rounded; null when no officer is active"
    )


class NationalOverviewOut(Schema):
    day: dt.date
    offices: list[OfficeFigures]
    clients: int
    active_officers: int
    clients_per_active_officer: int | None


class ProgrammeOut(Schema):
    code: str
    name: str
    caseload_weight: float


class FacilityOut(Schema):
    id: int
    kind: str
    name: str


class ReferenceOut(Schema):
    programmes: list[ProgrammeOut]
    facilities: list[FacilityOut]
    work_areas: list[WorkAreaOut]
    crime_categories: list[Choice]
    document_kinds: list[Choice]
    stages: list[Choice]
    case_statuses: list[Choice]
    categories: list[Choice]
    sexes: list[Choice]
    religions: list[Choice]
    contact_kinds: list[Choice]
