import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.litmas.models import LitmasType, RequesterKind
from bimkemas.litmas.services import report_save, report_start, request_assign, request_create

FULL_SOURCES = [{"kind": "interview", "date": "2026-01-05", "note": "Klien dan istri"}]


def filled_content(report) -> dict:
    content = {}
    for section in report.outline.sections_for(report.request.type):
        if section["kind"] == "text":
            content[section["code"]] = f"Isi {section['heading']}."
        elif section["kind"] == "facts":
            content[section["code"]] = [["Nama", "Contoh"]]
        else:
            content[section["code"]] = [["Siti", "Istri", "40"]]
    return content


@pytest.fixture
def make_request(carol, office):
    def factory(*, client=None, type=LitmasType.INTEGRASI, actor=None, **data):
        values = {
            "type": type,
            "requester_kind": RequesterKind.LAPAS_RUTAN,
            "requester_name": "Lapas Kelas I Palembang",
            "letter_number": "W6.PAS.PAS1-PK.01.05-123",
            "letter_date": today() - dt.timedelta(days=2),
            "received_on": today() - dt.timedelta(days=1),
        }
        if client is None:
            values.update(subject_name="Rahmat Hidayat", subject_birth_date=dt.date(1990, 3, 4))
        values.update(data)
        return request_create(actor=actor or carol, office=office, data=values, client=client)

    return factory


@pytest.fixture
def litmas_request(make_request, client_of_alice, bob, alice):
    request = make_request(client=client_of_alice)
    return request_assign(actor=bob, request=request, officer=alice)


@pytest.fixture
def report(litmas_request, alice):
    return report_start(actor=alice, request=litmas_request)


@pytest.fixture
def full_report(report, alice):
    report_save(actor=alice, report=report, content=filled_content(report), sources=FULL_SOURCES)
    return report
