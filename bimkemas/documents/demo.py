"""Demo data of the documents app: each demo office's letterhead (kop surat), and the
guidance cards handed to the demo PK's three newest clients (DOCX, as printed at reception)."""

from bimkemas.accounts.models import Office, User
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.demo_context import DemoContext
from bimkemas.documents.models import (
    DocumentFormat,
    DocumentTemplate,
    GeneratedDocument,
    OfficeLetterhead,
    office_city,
)
from bimkemas.documents.services import guidance_card_generate

DEMO_OFFICER = "pk"
CARDS = 3


def _letterhead(office: Office) -> OfficeLetterhead:
    slug = office.code.lower()
    return OfficeLetterhead(
        office=office,
        email=office.email or f"bapas.{slug}@kemenimipas.go.id",
        website=f"bapas{slug}.kemenimipas.go.id",
        city=office_city(office),
    )


def generate(ctx: DemoContext) -> None:
    offices = list(Office.objects.filter(pk__in=ctx.office_ids).order_by("pk"))
    OfficeLetterhead.objects.bulk_create(
        [_letterhead(office) for office in offices], ignore_conflicts=True
    )
    officer = User.objects.filter(username=DEMO_OFFICER).first()
    if officer is None:
        return
    cases = (
        SupervisionCase.objects.open()
        .filter(officer=officer, office_id__in=ctx.office_ids)
        .select_related("client", "office", "programme")
        .order_by("-guidance_start", "-pk")[:CARDS]
    )
    for case in cases:
        guidance_card_generate(actor=officer, case=case, fmt=DocumentFormat.DOCX)
    ctx.log(f"documents: {len(offices)} letterheads, {len(cases)} guidance cards")


def remove(office_ids: list[int]) -> None:
    """Generated documents and templates PROTECT their office or author: rows and files go."""
    for model in (GeneratedDocument, DocumentTemplate):
        for row in model.objects.filter(office_id__in=office_ids):
            row.file.delete(save=False)
        model.objects.filter(office_id__in=office_ids).delete()
