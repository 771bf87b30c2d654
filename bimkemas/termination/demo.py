"""Demo terminations (see core/demo_context.py): the cases the demo data already closed as
completed get their `Termination` record with a numbered certificate (generated on request,
never here: rendering documents at demo time would be slow)."""

import datetime as dt

from django.db.models import Q

from bimkemas.accounts.models import Office, Role, User
from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.core.demo_context import DemoContext
from bimkemas.termination.models import DEFAULT_CERTIFICATE_FORMAT, Termination, TerminationKind
from bimkemas.termination.services.common import ROMAN_MONTHS


def generate(ctx: DemoContext) -> None:
    for office in Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"):
        made = _office(office)
        ctx.log(f"termination: {office.name}: {made} completions recorded")


def _office(office: Office) -> int:
    signer = (
        User.objects.filter(office=office, role__in=[Role.SUPERVISOR, Role.HEAD], is_active=True)
        .order_by("role", "pk")
        .first()
    )
    if signer is None:
        return 0
    cases = list(
        SupervisionCase.objects.filter(
            office=office, status=CaseStatus.COMPLETED, termination__isnull=True
        )
        .values("pk", "closed_on", "guidance_end")
        .order_by("closed_on", "pk")
    )
    seqs: dict[int, int] = {}
    rows = []
    for case in cases:
        on: dt.date = case["closed_on"] or case["guidance_end"]
        seqs[on.year] = seqs.get(on.year, 0) + 1
        number = DEFAULT_CERTIFICATE_FORMAT.format(
            seq=seqs[on.year],
            month_roman=ROMAN_MONTHS[on.month - 1],
            year=on.year,
            code=office.code.upper(),
        )
        rows.append(
            Termination(
                case_id=case["pk"],
                kind=TerminationKind.COMPLETED,
                on=on,
                by=signer,
                certificate_seq=seqs[on.year],
                certificate_number=number,
            )
        )
    Termination.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def remove(office_ids: list[int]) -> None:
    """Before the demo offices go (demo-data --reset): their cases' terminations, and
    transfers to or from them."""
    Termination.objects.filter(
        Q(case__office_id__in=office_ids)
        | Q(to_office_id__in=office_ids)
        | Q(new_case__office_id__in=office_ids)
    ).delete()
