"""Helpers of the matches' tests (test_matches*.py, test_intake_matcher*.py,
test_api_matches*.py): external records and a fake matcher that needs no Splink."""

import datetime as dt
import itertools
from dataclasses import dataclass, field

from bimkemas.clients.identity import name_key
from bimkemas.linkage.models import ExternalRecord, MatchBand, MatchCandidate, RecordSource

ALERT = 0.99
REVIEW = 0.5
FAKE_VERSION = "fake00000001"
_numbers = itertools.count(1)


def make_record(
    full_name: str = "Budi Santoso",
    *,
    birth_date: dt.date | None = dt.date(1990, 5, 17),
    source: str = RecordSource.PRISON_ADMISSION,
    institution: str = "Rutan Kelas I Palembang",
    event_date: dt.date | None = None,
    event: str = "Ditahan: pencurian (Pasal 362 KUHP)",
    **extra,
) -> ExternalRecord:
    return ExternalRecord.objects.create(
        source=source,
        institution=institution,
        external_id=f"AI.{next(_numbers):05d}/2026",
        event_date=event_date or dt.date.today() - dt.timedelta(days=3),
        event=event,
        full_name=full_name,
        birth_date=birth_date,
        birth_place=extra.pop("birth_place", "Palembang"),
        sex=extra.pop("sex", "L"),
        **extra,
    )


def make_match(client, record=None, *, probability: float = 0.995, **extra) -> MatchCandidate:
    record = record or make_record(client.full_name, birth_date=client.birth_date)
    return MatchCandidate.objects.create(
        client=client,
        record=record,
        probability=probability,
        band=MatchBand.ALERT if probability >= ALERT else MatchBand.REVIEW,
        model_version=extra.pop("model_version", FAKE_VERSION),
        **extra,
    )


@dataclass
class FakeResult:
    matches: list
    model_version: str = FAKE_VERSION
    timings: dict = field(default_factory=lambda: {"predict": 0.001})


@dataclass(frozen=True)
class FakeMatch:
    client_id: str
    record_id: str
    probability: float


class FakeMatcher:
    """Same name key and birth date: 0.995 (alert); same name key only: 0.7 (review)."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int, dict]] = []

    def __call__(self, clients, records, **options):
        clients, records = list(clients), list(records)
        self.calls.append((len(clients), len(records), options))
        found = []
        for c in clients:
            for r in records:
                if name_key(c["full_name"]) != name_key(r["full_name"]):
                    continue
                p = 0.995 if c["birth_date"] == r["birth_date"] else 0.7
                if p >= options.get("threshold", 0.0):
                    found.append(FakeMatch(c["id"], r["id"], p))
        return FakeResult(found)
