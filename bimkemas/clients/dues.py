"""What is due (bimkemas.core.due), in the user's reach: the cases a user answers for and the
work items a due rule turns into.

An app's `work_items.py` shows one of its due rules on the home page with

    @work_item_provider
    def plans_due(user, day):
        return due_work_items(user, day, "guidance.plan")

An officer sees their own open caseload, a section or Bapas head the office's open cases.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.access import can_supervise, own_open_cases
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.due import Due, due_kinds, dues_for
from bimkemas.core.workitems import ITEMS_PER_GROUP, Urgency, WorkItem, WorkItemGroup


def cases_in_charge(user: User):
    """Open cases the user answers for: an officer's caseload, a supervisor's office."""
    if user.is_officer:
        return own_open_cases(user)
    if can_supervise(user) and user.office_id is not None:
        return SupervisionCase.objects.open().filter(office_id=user.office_id)
    return SupervisionCase.objects.none()


def due_list_url(code: str = "") -> str:
    try:
        url = reverse("due_list")
    except NoReverseMatch:  # the page is an interface's; a project without it still works
        return ""
    return f"{url}?kind={code}" if code else url


def due_work_item(due: Due, case: SupervisionCase, day: dt.date) -> WorkItem:
    when = date_format(due.due_on, "j F Y")
    title = _("%(what)s, due %(day)s") % {"what": due.detail, "day": when}
    return WorkItem(
        kind=due.kind,
        title=title,
        url=due.url or reverse("client_detail", args=[case.client.public_id]),
        subject=f"{case.client.full_name} ({case.register_number})",
        urgency=Urgency.OVERDUE if due.is_overdue(day) else Urgency.DUE,
        due=due.due_on,
        client_id=case.client.public_id,
    )


def due_work_items(
    user: User, day: dt.date, code: str, *, for_supervisors: bool = False
) -> list[WorkItemGroup]:
    """One work-item group of the due rule `code` over an officer's caseload, most urgent
    first; over the office for a supervisor only where the work is theirs (`for_supervisors`:
    a TPP decision, ending a case). Otherwise supervisors find the office's dues on /due/ and
    the coverage page: on their home page every rule over the whole office would cost a
    second and list work that is the officers' to do."""
    if not user.is_officer and not for_supervisors:
        return []
    kind = next((kind for kind in due_kinds() if kind.code == code), None)
    cases = cases_in_charge(user)
    if kind is None or not cases.exists():
        return []
    dues = sorted(
        (due for per_case in dues_for(cases, day, [code]).values() for due in per_case),
        key=lambda due: (due.due_on, due.case_id),
    )
    if not dues:
        return []
    shown = dues[:ITEMS_PER_GROUP]
    rows = SupervisionCase.objects.select_related("client").in_bulk([d.case_id for d in shown])
    items = [due_work_item(due, rows[due.case_id], day) for due in shown]
    return [WorkItemGroup(code, str(kind.label), len(dues), items, due_list_url(code))]


@dataclass(frozen=True)
class DueRow:
    """One case of the user's and everything it owes, earliest first."""

    case: SupervisionCase
    items: list[Due]

    @property
    def first_due(self) -> dt.date:
        return self.items[0].due_on

    def is_overdue(self, day: dt.date) -> bool:
        return self.first_due < day


def due_rows(
    user: User,
    day: dt.date,
    *,
    kind: str = "",
    officer: User | None = None,
    overdue_only: bool = False,
) -> list[DueRow]:
    """Every case in the user's charge that owes something (of `kind` when given), with the
    case and client loaded, the most urgent first. A supervisor may narrow to one officer."""
    cases = cases_in_charge(user)
    if officer is not None:
        cases = cases.filter(officer=officer)
    kinds = [kind] if kind else None
    per_case = dues_for(cases, day, kinds)
    if overdue_only:
        per_case = {
            pk: [due for due in dues if due.is_overdue(day)] for pk, dues in per_case.items()
        }
    per_case = {pk: sorted(dues, key=lambda d: d.due_on) for pk, dues in per_case.items() if dues}
    loaded = SupervisionCase.objects.select_related("client", "officer", "programme").in_bulk(
        list(per_case)
    )
    rows = [DueRow(loaded[pk], dues) for pk, dues in per_case.items() if pk in loaded]
    return sorted(rows, key=lambda row: (row.first_due, row.case.client.full_name, row.case.pk))
