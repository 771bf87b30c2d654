"""The kartu bimbingan: the card a client receives at reception (DOMAIN.md §2), as a PDF."""

import base64
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from bimkemas.clients.models import CaseDocument, SupervisionCase


@dataclass(frozen=True)
class ReportingDuty:
    frequency: str  # "weekly" or "monthly"

    @property
    def text(self) -> str:
        return _("Once a week") if self.frequency == "weekly" else _("Once a month")


WEEKLY = ReportingDuty("weekly")
MONTHLY = ReportingDuty("monthly")


def reporting_duty(programme_code: str) -> ReportingDuty:
    """The default wajib lapor frequency of a programme (DOMAIN.md §3, seed 004): asimilasi
    clients weekly, integration clients (PB, CB, CMB) monthly.

    A later reporting app will own per-client schedules (a PK or the TPP may set weekly or
    twice weekly for one client); until then the card prints this default.
    """
    if programme_code.upper().startswith("AS"):
        return WEEKLY
    return MONTHLY


def _photo_data_uri(document: CaseDocument | None) -> str:
    """The photo embedded in the HTML, so WeasyPrint never fetches a URL."""
    if document is None or not document.is_image:
        return ""
    try:
        with document.file.open("rb") as photo:
            data = base64.b64encode(photo.read()).decode("ascii")
    except OSError:
        return ""
    return f"data:{document.content_type};base64,{data}"


def card_html(case: SupervisionCase) -> str:
    """The card as HTML, in Indonesian whatever the reader's language, as it is handed over."""
    client = case.client
    with translation.override("id"):
        return render_to_string(
            "clients/card.html",
            {
                "case": case,
                "client": client,
                "office": case.office,
                "officer": case.officer,
                "timeline": case.timeline(),
                "duty": reporting_duty(case.programme.code),
                "photo": _photo_data_uri(client.photo),
            },
        )


def render_guidance_card(case: SupervisionCase) -> bytes:
    # Only the embedded photo (a data: URI) may be loaded: never a file or a network URL.
    # Imported here: WeasyPrint needs Pango from the system, and a machine without it
    # should still serve every other page.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=["data"])
    return HTML(string=card_html(case), url_fetcher=fetcher).write_pdf()
