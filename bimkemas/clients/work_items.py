"""Work items about clients and cases (see bimkemas.core.workitems). Each provider runs a
count and one slice for the whole caseload or office."""

import datetime as dt

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bimkemas.accounts.models import User
from bimkemas.audit.services import audit_clients_listed
from bimkemas.clients.access import can_supervise, own_open_cases
from bimkemas.clients.models import Assignment, Client, ClientPhone, SupervisionCase
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)


def _day(day: dt.date) -> str:
    return date_format(day, "j M Y")


def _subject(case: SupervisionCase) -> str:
    return f"{case.client.full_name} ({case.register_number})"


def _client_url(case: SupervisionCase, anchor: str = "") -> str:
    url = reverse("client_detail", args=[case.client.public_id])
    return f"{url}#{anchor}" if anchor else url


def _group(kind: str, heading: str, queryset, item, see_all_url: str = "") -> list[WorkItemGroup]:
    total = queryset.count()
    if not total:
        return []
    items = [item(row) for row in queryset[:ITEMS_PER_GROUP]]
    return [WorkItemGroup(kind, heading, total, items, see_all_url)]


@work_item_provider
def new_assignments(user: User, day: dt.date) -> list[WorkItemGroup]:
    """Open cases assigned to the officer that they have not opened yet."""
    if not user.is_officer:
        return []
    assignments = (
        Assignment.objects.filter(officer=user, ended_at__isnull=True, seen_at__isnull=True)
        .filter(case__in=own_open_cases(user))
        .select_related("case__client")
        .order_by("started_at", "pk")
    )

    def item(assignment: Assignment) -> WorkItem:
        case = assignment.case
        return WorkItem(
            kind="clients.new_assignment",
            title=_("Newly assigned to you: open the record and plan the first meeting"),
            url=_client_url(case),
            subject=_subject(case),
            urgency=Urgency.DUE,
            client_id=case.client.public_id,
        )

    return _group("clients.new_assignment", _("Newly assigned clients"), assignments, item)


@work_item_provider
def unassigned_intake(user: User, day: dt.date) -> list[WorkItemGroup]:
    """Open cases of the supervisor's office without an officer, oldest first."""
    if user.office_id is None or not can_supervise(user):
        return []
    cases = (
        SupervisionCase.objects.unassigned()
        .filter(office_id=user.office_id)
        .select_related("client")
        .order_by("received_on", "pk")
    )

    def item(case: SupervisionCase) -> WorkItem:
        return WorkItem(
            kind="clients.unassigned",
            title=_("Assign an officer (received %(day)s)") % {"day": _day(case.received_on)},
            url=reverse("case_assign", args=[case.public_id]),
            subject=_subject(case),
            urgency=Urgency.OVERDUE if case.received_on < day else Urgency.DUE,
            due=case.received_on,
            client_id=case.client.public_id,
        )

    see_all = f"{reverse('client_list')}?unassigned=on"
    return _group("clients.unassigned", _("Unassigned intake"), cases, item, see_all)


@work_item_provider
def ending_soon(user: User, day: dt.date) -> list[WorkItemGroup]:
    """Open cases whose guidance ends within the office's window: the officer's own, or the
    whole office's for a supervisor. The link lists them all on the client list."""
    office = user.office
    if office is None:
        return []
    if user.is_officer:
        cases = own_open_cases(user)
    elif can_supervise(user):
        cases = SupervisionCase.objects.open().filter(office=office)
    else:
        return []
    until = day + dt.timedelta(days=office.ending_soon_days)
    cases = (
        cases.filter(guidance_end__gte=day, guidance_end__lte=until)
        .select_related("client")
        .order_by("guidance_end", "pk")
    )
    heading = ngettext(
        "Guidance ending within %(days)d day",
        "Guidance ending within %(days)d days",
        office.ending_soon_days,
    ) % {"days": office.ending_soon_days}

    def item(case: SupervisionCase) -> WorkItem:
        return WorkItem(
            kind="clients.ending_soon",
            title=_("Guidance ends on %(day)s: prepare the closing")
            % {"day": _day(case.guidance_end)},
            url=_client_url(case),
            subject=_subject(case),
            urgency=Urgency.DUE,
            due=case.guidance_end,
            client_id=case.client.public_id,
        )

    see_all = f"{reverse('client_list')}?ending=on"
    return _group("clients.ending_soon", heading, cases, item, see_all)


@work_item_provider
def phones_to_check(user: User, day: dt.date) -> list[WorkItemGroup]:
    """Phones of the officer's open cases that were never verified or were found unreachable."""
    if not user.is_officer:
        return []
    my_open_cases = own_open_cases(user)
    register = my_open_cases.filter(client=OuterRef("client")).values("register_number")[:1]
    phones = (
        ClientPhone.objects.filter(
            verified_reachable=False, client__in=my_open_cases.values("client")
        )
        .annotate(register_number=Subquery(register))
        .select_related("client")
        .order_by("client__full_name", "pk")
    )

    def item(phone: ClientPhone) -> WorkItem:
        if phone.verified_on:
            title = _("Phone %(number)s was unreachable on %(day)s: find a working number") % {
                "number": phone.number,
                "day": _day(phone.verified_on),
            }
        else:
            title = _("Phone %(number)s is not verified yet: call it") % {"number": phone.number}
        return WorkItem(
            kind="clients.phone",
            title=title,
            url=reverse("client_detail", args=[phone.client.public_id]) + "#phones-title",
            subject=f"{phone.client.full_name} ({phone.register_number})",  # type: ignore[attr-defined]
            urgency=Urgency.FLAGGED,
            client_id=phone.client.public_id,
        )

    groups = _group("clients.phone", _("Phones to check"), phones, item)
    for group in groups:
        clients = phones.order_by().values("client_id").distinct().count()
        group.see_all_url = f"{reverse('client_list')}?phones=on"
        group.see_all_label = ngettext("See the client", "See all %(count)d clients", clients) % {
            "count": clients
        }
    return groups


def audit_work_items_shown(
    *, actor: User, groups: list[WorkItemGroup], where: str, also_shown=()
) -> None:
    """Work items name clients: showing them (with any other clients on the same page) is a
    read of each client shown, recorded once per client."""
    named = {item.client_id for group in groups for item in group.items if item.client_id}
    clients = {client.pk: client for client in also_shown}
    for client in Client.objects.filter(public_id__in=named).only("pk", "office_id", "public_id"):
        clients.setdefault(client.pk, client)
    audit_clients_listed(actor=actor, clients=list(clients.values()), where=where)
