"""Who may import and read external records (criminal data: least privilege).

- Import, and read every record and every import: a Bapas head, section head or registrar
  of any office, and the national role (the feeds arrive nationally).
- A PK or APK reads only the records matched to a client they may see (a possible match,
  whatever its status), never the list of everyone admitted or sentenced.
- Anyone else: nothing (404).
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404

from bimkemas.accounts.models import Role, User
from bimkemas.clients.access import visible_clients
from bimkemas.clients.identity import name_key
from bimkemas.linkage.models import ExternalRecord, ImportBatch

IMPORT_ROLES = (Role.HEAD, Role.SUPERVISOR, Role.REGISTRAR, Role.NATIONAL_VIEWER)


def can_import_records(user: User) -> bool:
    if not (user.is_authenticated and user.is_active) or user.role not in IMPORT_ROLES:
        return False
    return user.office_id is not None or user.role == Role.NATIONAL_VIEWER


def visible_records(user: User):
    if can_import_records(user):
        return ExternalRecord.objects.all()
    if user.is_authenticated and user.is_active and user.is_officer:
        matched = ExternalRecord.objects.filter(matches__client__in=visible_clients(user))
        return ExternalRecord.objects.filter(pk__in=matched.values("pk"))
    return ExternalRecord.objects.none()


def get_record_for_user(user: User, public_id) -> ExternalRecord:
    try:
        return visible_records(user).select_related("batch").get(public_id=public_id)
    except (ExternalRecord.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def visible_batches(user: User):
    if can_import_records(user):
        return ImportBatch.objects.all()
    return ImportBatch.objects.none()


def get_batch_for_user(user: User, public_id) -> ImportBatch:
    try:
        return visible_batches(user).select_related("imported_by").get(public_id=public_id)
    except (ImportBatch.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


def search_records(
    user: User,
    *,
    q: str = "",
    source: str = "",
    institution: str = "",
    date_from=None,
    date_to=None,
):
    """The records the user may read, newest event first, narrowed by the list's filters:
    `q` finds a name or alias (any part), a NIK or a record number."""
    records = visible_records(user)
    if q.strip():
        records = records.filter(_search_q(" ".join(q.split())))
    if source:
        records = records.filter(source=source)
    if institution.strip():
        records = records.filter(institution__icontains=institution.strip())
    if date_from:
        records = records.filter(event_date__gte=date_from)
    if date_to:
        records = records.filter(event_date__lte=date_to)
    return records.order_by("-event_date", "-pk")


def _search_q(text: str) -> Q:
    """The name as written or in any spelling (every word of its name key), an alias, a NIK
    or a record number."""
    found = (
        Q(full_name__icontains=text)
        | Q(aliases__icontains=text)
        | Q(nik=text)
        | Q(external_id__iexact=text)
    )
    tokens = name_key(text).split()
    if tokens:
        spelled = Q()
        for token in tokens:  # a whole word of the key: "b" is not "budi"
            spelled &= (
                Q(name_key=token)
                | Q(name_key__startswith=f"{token} ")
                | Q(name_key__endswith=f" {token}")
                | Q(name_key__contains=f" {token} ")
            )
        found |= spelled
    return found
