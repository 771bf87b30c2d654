"""Possible-duplicate finders: ways an app above `clients` recognises, at intake, a person
who may already be registered (the record matcher of `linkage`), without `clients`
importing it.

An app registers a finder, e.g. in its AppConfig.ready():

    from bimkemas.core.duplicates import duplicate_finder

    @duplicate_finder
    def by_matcher(query: DuplicateQuery) -> list[int]: ...  # client primary keys

`clients.selectors.find_possible_duplicates` asks every finder and adds the clients they
name, after its own rules (same NIK, same birth date and name). A finder must be quick (it
runs on each intake check): preselect a handful of candidates in SQL, then score those.
A finder that fails is logged and skipped: intake never breaks because of it.
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DuplicateQuery:
    """What the intake form knows about the person so far."""

    full_name: str = ""
    birth_date: dt.date | None = None
    nik: str = ""
    birth_place: str = ""
    sex: str = ""
    address: str = ""


Finder = Callable[[DuplicateQuery], list[int]]
_finders: dict[str, Finder] = {}


def duplicate_finder(func: Finder) -> Finder:
    """Register `func` (by its dotted name, so a re-import does not double it)."""
    _finders[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def finders() -> list[Finder]:
    return list(_finders.values())


def find_duplicates(query: DuplicateQuery) -> list[int]:
    """The client primary keys every finder names, each once, in the order found."""
    found: dict[int, None] = {}
    for finder in finders():
        try:
            for pk in finder(query):
                found.setdefault(pk, None)
        except Exception:  # a finder's failure must not stop an intake
            logger.exception("duplicate finder %s failed", finder)
    return list(found)
