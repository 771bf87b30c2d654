"""The intake's possible-duplicate warning by the record matcher (`core.duplicates`): a
handful of candidates preselected in SQL, scored with `link` on that tiny set."""

import datetime as dt

from django.db.models import Q

from bimkemas.clients.identity import name_key
from bimkemas.clients.models import Client
from bimkemas.core.duplicates import DuplicateQuery, duplicate_finder
from bimkemas.linkage import services

# Candidates scored at most: same birth date nationally is a few dozen people at most.
MAX_CANDIDATES = 200


def swapped(day: dt.date) -> dt.date | None:
    """The date with day and month swapped (3 April ↔ 4 March), when that is a date."""
    if day.day > 12 or day.day == day.month:
        return None
    try:
        return day.replace(month=day.day, day=day.month)
    except ValueError:
        return None


def nik_one_off(nik: str) -> list[str]:
    """Every NIK one digit away from `nik` (16 × 9): one wrong keystroke."""
    return [
        nik[:i] + digit + nik[i + 1 :]
        for i in range(len(nik))
        for digit in "0123456789"
        if digit != nik[i]
    ]


def candidates(query: DuplicateQuery):
    """Clients sharing the name key, the birth date (or it with day and month swapped), or a
    NIK one digit off: cheap indexed lookups."""
    wanted = Q(name_key=name_key(query.full_name))
    if query.birth_date:
        wanted |= Q(birth_date=query.birth_date)
        other = swapped(query.birth_date)
        if other:
            wanted |= Q(birth_date=other)
    if len(query.nik) == 16 and query.nik.isdigit():
        wanted |= Q(nik__in=[query.nik, *nik_one_off(query.nik)])
    return Client.objects.filter(wanted).order_by("pk")[:MAX_CANDIDATES]


@duplicate_finder
def matcher_duplicates(query: DuplicateQuery, *, matcher=None) -> list[int]:
    if not query.full_name.strip():
        return []
    rows = [
        services.client_identity(row) for row in candidates(query).values(*services.CLIENT_FIELDS)
    ]
    if not rows:
        return []
    person = {
        "id": "intake",
        "full_name": query.full_name,
        "birth_date": query.birth_date,
        "birth_place": query.birth_place,
        "sex": query.sex,
        "nik": query.nik,
        "address": query.address,
    }
    _alert, review = services.thresholds()
    result = (matcher or services.link)(rows, [person], threshold=review)
    return [int(match.client_id) for match in result.matches]
