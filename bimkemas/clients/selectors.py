"""Reads shared by the web pages and the API."""

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from bimkemas.accounts.models import User
from bimkemas.clients.access import visible_clients
from bimkemas.clients.identity import name_key, name_similarity
from bimkemas.clients.models import Client, ClientPhone, SupervisionCase, stage_q
from bimkemas.core.duplicates import DuplicateQuery, find_duplicates

SIMILAR_NAME = 0.85


@dataclass(frozen=True)
class PossibleDuplicate:
    client: Client
    reason: str  # "nik", "name", "similar", or "matcher" (a registered finder's)
    same_office: bool


def find_possible_duplicates(
    *, office_id: int | None, nik: str = "", full_name: str = "", birth_date: dt.date | None = None
) -> list[PossibleDuplicate]:
    """People who may already be registered: same NIK, or same birth date and a name that is
    the same after normalisation or differs by about a letter, or whom a registered finder
    (`core.duplicates`: the record matcher) names. Searched nationally, since a
    returning client may come back to another Bapas; callers show other offices' matches
    without personal details."""
    found: dict[int, PossibleDuplicate] = {}
    if nik:
        for client in Client.objects.filter(nik=nik).select_related("office"):
            found[client.pk] = PossibleDuplicate(client, "nik", client.office_id == office_id)
    if full_name and birth_date:
        key = name_key(full_name)
        same_birth = Client.objects.filter(birth_date=birth_date).select_related("office")
        for client in same_birth[:500]:
            if client.pk in found:
                continue
            if client.name_key == key:
                reason = "name"
            elif name_similarity(client.full_name, full_name) >= SIMILAR_NAME:
                reason = "similar"
            else:
                continue
            found[client.pk] = PossibleDuplicate(client, reason, client.office_id == office_id)
    if full_name:
        query = DuplicateQuery(full_name=full_name, birth_date=birth_date, nik=nik)
        more = [pk for pk in find_duplicates(query) if pk not in found]
        for client in Client.objects.filter(pk__in=more).select_related("office"):
            found[client.pk] = PossibleDuplicate(client, "matcher", client.office_id == office_id)
    return list(found.values())


# Fewer digits than this match too many NIKs by chance (a region code, a birth date).
NIK_SEARCH_DIGITS = 6


def search_q(text: str) -> Q:
    """What a search box finds. Digits are a NIK (any 6 or more of them, e.g. the birth date
    part) or the start of a register number; text with a "/" is part of a register number;
    anything else is a name or alias. Names are only scanned for text that can be a name."""
    text = text.strip()
    compact = "".join(text.split())
    if re.fullmatch(r"[0-9]+", compact):
        found = Q(pk__in=_cases_numbered(startswith=compact))
        if len(compact) >= NIK_SEARCH_DIGITS:
            found |= Q(nik__contains=compact)
        return found
    if "/" in text:
        return Q(pk__in=_cases_numbered(contains=compact))
    return (
        Q(full_name__icontains=text)
        | Q(aliases__icontains=text)
        | Q(name_key__contains=name_key(text) or text)
    )


def _cases_numbered(*, startswith: str = "", contains: str = "") -> QuerySet:
    cases = SupervisionCase.objects.all()
    if startswith:
        cases = cases.filter(register_number__startswith=startswith)
    if contains:
        cases = cases.filter(register_number__icontains=contains)
    return cases.values("client_id")


@dataclass
class ClientFilters:
    q: str = ""
    stage: str = ""
    programme: str = ""
    area: int | None = None
    officer: int | None = None
    category: str = ""
    status: str = "open"
    ending_within: int | None = None  # days: guidance ends between today and then
    unassigned: bool = False  # open cases waiting for an officer
    phones_to_check: bool = False  # a phone never verified or found unreachable


def search_clients(user: User, filters: ClientFilters, *, day: dt.date) -> QuerySet[Client]:
    """The clients a user may see, narrowed by search text and filters, with their open case."""
    clients = visible_clients(user)
    if filters.q.strip():
        clients = clients.filter(search_q(filters.q))
    case_filter = Q()
    if filters.status == "open":
        case_filter &= Q(status__in=["received", "registered", "active"])
    if filters.stage:
        case_filter &= stage_q(filters.stage, day)
    if filters.programme:
        case_filter &= Q(programme__code=filters.programme)
    if filters.officer:
        case_filter &= Q(officer_id=filters.officer)
    if filters.unassigned:
        case_filter &= Q(officer__isnull=True)
    if filters.ending_within is not None:
        until = day + dt.timedelta(days=filters.ending_within)
        case_filter &= Q(guidance_end__gte=day, guidance_end__lte=until)
    if case_filter:
        clients = clients.filter(
            pk__in=SupervisionCase.objects.filter(case_filter).values("client_id")
        )
    if filters.area:
        clients = clients.filter(work_area_id=filters.area)
    if filters.category:
        clients = clients.filter(category=filters.category)
    if filters.phones_to_check:
        clients = clients.filter(
            pk__in=ClientPhone.objects.filter(verified_reachable=False).values("client_id")
        )
    return clients.select_related("work_area").order_by("full_name", "pk")


def open_case_of(client: Client) -> SupervisionCase | None:
    return (
        client.cases.open()
        .select_related("programme", "officer", "origin_facility", "office")
        .first()
    )


def latest_case_of(client: Client) -> SupervisionCase | None:
    return open_case_of(client) or (
        client.cases.select_related("programme", "officer", "origin_facility", "office")
        .order_by("-received_on", "-pk")
        .first()
    )
