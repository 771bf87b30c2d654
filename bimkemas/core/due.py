"""What is due: the guidance work every open case owes, contributed by every app.

Each capability app that owns a kind of work (litmas, stage plan, evaluation, reassessment,
TPP decision, home visit) registers a rule in its `due.py` module (imported when the project
starts, like `work_items.py`):

    from bimkemas.core.due import Due, due_rule

    @due_rule("guidance.plan", label=_("Stage plan"), order=20)
    def plan_due(cases, day):
        ...  # a few queries for the whole queryset of cases, never one per case
        return [Due(case_id=..., due_on=..., detail=..., url=...), ...]

A rule is `(cases: QuerySet[SupervisionCase], day) -> Iterable[Due]`: for each case in the
queryset that owes this work now or soon, one `Due` with its due date. Cases that owe nothing
are left out. Rules must not scope by user: the caller passes the cases the user may see.

`dues_for(cases, day)` runs every rule (or the named kinds) and groups the answers per case;
the "what is due" pages, work items, the supervisor's coverage and the national benchmark
all read it.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class Due:
    case_id: int
    due_on: dt.date
    detail: str = ""  # e.g. "Tahap lanjutan plan" or "Evaluation of tahap awal"
    url: str = ""  # where to do it
    kind: str = ""  # filled in by dues_for from the rule's registration

    def is_overdue(self, day: dt.date) -> bool:
        return self.due_on < day


Rule = Callable[[Any, dt.date], Iterable[Due]]
_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"


def url_maker(name: str, anchor: str = "") -> Callable[[Any], str]:
    """`public_id -> URL` of a view taking one UUID, reversed once: a rule makes a link for
    thousands of cases, and reverse() costs about 0.1 ms a call."""
    pattern = reverse(name, args=[_PLACEHOLDER]) + (f"#{anchor}" if anchor else "")
    return lambda public_id: pattern.replace(_PLACEHOLDER, str(public_id))


@dataclass(frozen=True)
class DueKind:
    code: str
    label: Promise | str
    order: int
    rule: Rule = field(repr=False)


_rules: dict[str, DueKind] = {}


def due_rule(code: str, *, label: Promise | str, order: int = 50) -> Callable[[Rule], Rule]:
    def register(func: Rule) -> Rule:
        _rules[code] = DueKind(code, label, order, func)
        return func

    return register


def due_kinds() -> list[DueKind]:
    return sorted(_rules.values(), key=lambda kind: (kind.order, kind.code))


def dues_for(cases: Any, day: dt.date, kinds: Iterable[str] | None = None) -> dict[int, list[Due]]:
    """Every due item of the cases, per case id, in the kinds' order."""
    wanted = set(kinds) if kinds is not None else None
    per_case: dict[int, list[Due]] = defaultdict(list)
    for kind in due_kinds():
        if wanted is not None and kind.code not in wanted:
            continue
        for due in kind.rule(cases, day):
            per_case[due.case_id].append(
                Due(due.case_id, due.due_on, due.detail, due.url, kind.code)
            )
    return dict(per_case)
