"""Case facts: what an app above `clients` knows about a case that a document below it
prints — e.g. the reporting schedule on the guidance card, which the `reporting` app owns.

An app registers a provider in its `facts.py` (imported when the project starts):

    @case_fact_provider("reporting_duty")
    def reporting_duty(case, day) -> str | None: ...

`case_fact(name, case, day)` returns the provider's answer, or None when no app provides
the fact (or it has nothing to say), so the caller falls back to what it knows itself.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

Provider = Callable[[Any, dt.date], str | None]
_providers: dict[str, Provider] = {}


def case_fact_provider(name: str) -> Callable[[Provider], Provider]:
    def register(func: Provider) -> Provider:
        _providers[name] = func
        return func

    return register


def case_fact(name: str, case: Any, day: dt.date) -> str | None:
    provider = _providers.get(name)
    return provider(case, day) if provider else None
