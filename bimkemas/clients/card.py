"""The kartu bimbingan: the card a client receives at reception (DOMAIN.md §2), as a PDF."""

import base64
import datetime as dt

from django.template.loader import render_to_string
from django.utils import translation

from bimkemas.accounts.models import Role, User
from bimkemas.clients.conditions import ReportingDuty, duty_from_conditions, reporting_duty
from bimkemas.clients.models import CaseDocument, SupervisionCase
from bimkemas.core.dates import today
from bimkemas.core.facts import case_fact


def case_reporting_duty(case: SupervisionCase) -> ReportingDuty:
    """The special conditions' duty when they state one, else the programme's default."""
    return duty_from_conditions(case.special_conditions) or reporting_duty(case.programme.code)


def reporting_duty_text(case: SupervisionCase, day: dt.date) -> str:
    """What the card prints: the schedule the reporting app holds for the case on `day` (a PK
    or TPP decision, the SK's condition, the office's default), else the SK's reading."""
    return case_fact("reporting_duty", case, day) or case_reporting_duty(case).text


def office_head(office_id: int) -> User | None:
    """The Kepala Bapas who signs the card: the office's active head, the latest appointed."""
    heads = User.objects.filter(office_id=office_id, role=Role.HEAD, is_active=True)
    return heads.order_by("-date_joined").first()


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
                "duty": reporting_duty_text(case, today()),
                "head": office_head(case.office_id),
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
