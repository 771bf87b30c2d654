import uuid
from enum import Enum
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from bimkemas.accounts.models import User, WorkArea
from bimkemas.api import presenters
from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS, WRITE_ERRORS
from bimkemas.api.schemas import (
    AccessLogQuery,
    AuditPage,
    ClientDetail,
    ClientPage,
    ClientPatch,
    ClientQuery,
    PhoneCheckIn,
    PhoneIn,
    PhoneOut,
)
from bimkemas.audit.selectors import access_log_page
from bimkemas.audit.services import audit_client_view, audit_clients_listed
from bimkemas.clients import services
from bimkemas.clients.access import (
    can_supervise,
    get_client_for_user,
    get_phone_for_user,
    require,
)
from bimkemas.clients.models import SupervisionCase
from bimkemas.clients.selectors import ClientFilters, search_clients
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

router = Router(tags=["clients"])


def _officer_pk(public_id: uuid.UUID | None) -> int | None:
    if public_id is None:
        return None
    # An unknown officer matches no case, rather than being ignored.
    return User.objects.filter(public_id=public_id).values_list("pk", flat=True).first() or -1


def _ending_window(user: User) -> int:
    return user.office.ending_soon_days if user.office else 0


@router.get("/clients", response={200: ClientPage, **READ_ERRORS})
def client_list(request: HttpRequest, filters: Query[ClientQuery]):
    user = actor(request)
    day = today()
    clients = search_clients(
        user,
        ClientFilters(
            q=filters.q,
            stage=filters.stage or "",
            programme=filters.programme,
            area=filters.area,
            officer=_officer_pk(filters.officer),
            category=filters.category or "",
            status=filters.status,
            ending_within=_ending_window(user) if filters.ending_soon else None,
            unassigned=filters.unassigned,
            phones_to_check=filters.phones_to_check,
        ),
        day=day,
    )
    start = (filters.page - 1) * filters.page_size
    open_cases = SupervisionCase.objects.open().select_related("programme", "officer", "office")
    page = clients.prefetch_related(Prefetch("cases", open_cases, to_attr="open_cases"))[
        start : start + filters.page_size
    ]
    shown = list(page)
    audit_clients_listed(
        actor=user, clients=shown, where=_("Client list"), query=request.GET.urlencode()
    )
    return {
        "count": clients.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "results": [presenters.client_summary(client, day) for client in shown],
    }


@router.get("/clients/{client_id}", response={200: ClientDetail, **READ_ERRORS})
def client_detail(request: HttpRequest, client_id: uuid.UUID):
    user = actor(request)
    client = get_client_for_user(user, client_id)
    audit_client_view(actor=user, client=client)
    return presenters.client_detail(client, today())


@router.patch("/clients/{client_id}", response={200: ClientDetail, **WRITE_ERRORS})
def client_update(request: HttpRequest, client_id: uuid.UUID, payload: ClientPatch):
    user = actor(request)
    client = get_client_for_user(user, client_id, write=True)
    data = _patch_data(payload, office_id=client.office_id)
    client = services.client_update(actor=user, client=client, data=data)
    client = get_client_for_user(user, client.public_id)
    audit_client_view(actor=user, client=client, what=_("Answer to a change"))
    return presenters.client_detail(client, today())


REQUIRED_FIELDS = ("full_name", "birth_place", "birth_date", "sex", "religion", "category")


def _patch_data(payload: ClientPatch, *, office_id: int) -> dict[str, Any]:
    """The fields sent, as model values: null clears an optional text field (or the NIK)."""
    data: dict[str, Any] = {}
    for name, value in payload.model_dump(exclude_unset=True).items():
        if value is None and name in (*REQUIRED_FIELDS, "work_area"):
            raise ApplicationError(_("This field is required."), field=name)
        if name == "work_area":
            value = _work_area(office_id, value)
        elif isinstance(value, Enum):
            value = value.value
        elif value is None:
            value = None if name == "nik" else ""
        data[name] = value
    return data


def _work_area(office_id: int, area_id: int) -> WorkArea:
    area = WorkArea.objects.filter(pk=area_id, office_id=office_id).first()
    if area is None:
        raise ApplicationError(_("Choose a work area of this office."), field="work_area")
    return area


@router.post("/clients/{client_id}/phones", response={201: PhoneOut, **WRITE_ERRORS})
def phone_add(request: HttpRequest, client_id: uuid.UUID, payload: PhoneIn):
    user = actor(request)
    client = get_client_for_user(user, client_id, write=True)
    phone = services.phone_add(
        actor=user, client=client, number=payload.number, label=payload.label
    )
    return Status(201, presenters.phone_out(phone))


@router.post(
    "/clients/{client_id}/phones/{phone_id}/check", response={200: PhoneOut, **WRITE_ERRORS}
)
def phone_check(
    request: HttpRequest,
    client_id: uuid.UUID,
    payload: PhoneCheckIn,
    phone_id: uuid.UUID,
):
    user = actor(request)
    phone = get_phone_for_user(user, client_id, phone_id, write=True)
    phone = services.phone_set_reachable(actor=user, phone=phone, reachable=payload.reachable)
    return presenters.phone_out(phone)


@router.get("/clients/{client_id}/access-log", response={200: AuditPage, **READ_ERRORS})
def access_log(request: HttpRequest, client_id: uuid.UUID, paging: Query[AccessLogQuery]):
    user = actor(request)
    require(can_supervise(user))
    client = get_client_for_user(user, client_id)
    page = access_log_page(
        actor=user,
        client=client,
        page=paging.page,
        per_page=paging.page_size,
        reads_only=paging.reads_only,
    )
    return {
        "count": page.paginator.count,
        "page": page.number,
        "page_size": paging.page_size,
        "results": [presenters.audit_event(event) for event in page],
    }
