"""WCAG 2.1 AA in a real browser: axe-core finds no serious or critical violation at 1280 and
360 px on the office's document settings and on the client page, which gathers the panels of
every capability (wajib lapor, litmas, guidance, TPP, assessments, visits, termination and
generated documents)."""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from bimkemas.accounts.models import User
from bimkemas.assessments.defaults import NEEDS_CODE, RISK_CODE, example_instrument
from bimkemas.assessments.services import assessment_save
from bimkemas.clients.models import SupervisionCase
from bimkemas.core.dates import today
from bimkemas.documents.services.generate import guidance_card_generate
from bimkemas.documents.services.letterhead import letterhead_update
from bimkemas.documents.services.templates import document_template_upload
from bimkemas.documents.tests.templates import edited_default, upload
from bimkemas.guidance.services.plans import plan_propose
from bimkemas.guidance.services.sessions import AttendanceInput, session_record
from bimkemas.guidance.tests.conftest import write_evaluation
from bimkemas.litmas.models import LitmasType, RequesterKind
from bimkemas.litmas.services import request_assign, request_create
from bimkemas.reporting.services.checkins import checkin_record
from bimkemas.testing_axe import axe_problems, plain_http
from bimkemas.tpp.services.agenda import agenda_add
from bimkemas.tpp.services.sessions import session_schedule
from bimkemas.visits.services import visit_plan, visit_record

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass
class BusyClients:
    busy: SupervisionCase  # open, in tahap lanjutan, with something in every panel
    ended: SupervisionCase  # its period ended yesterday: due for completion


def busy_clients(make_case, *, alice: User, bob: User, dave: User, carol: User) -> BusyClients:
    """alice's two clients, built through each app's services."""
    day = today()
    busy = make_case(
        officer=alice,
        identity={
            "full_name": "Budi Santoso bin Ahmad Sulaiman",
            "birth_date": dt.date(1985, 3, 2),
        },
        case={"guidance_start": day - dt.timedelta(days=120)},
    )
    now = timezone.now()
    for days_ago in (95, 65, 35, 5):
        checkin_record(
            actor=alice,
            case=busy,
            channel="in_person",
            occurred_at=now - dt.timedelta(days=days_ago),
            note="Melapor tepat waktu.",
        )
    write_evaluation(busy, alice)  # tahap awal's evaluation, submitted
    plan_propose(actor=alice, case=busy, stage="lanjutan")
    session_record(
        actor=alice,
        held_on=day,
        kind="individual",
        method="casework",
        area="legal",
        title="Konseling kepatuhan",
        attendances=[AttendanceInput(busy)],
    )
    session = session_schedule(
        actor=bob, held_on=day, place="Aula Bapas Palembang", chair=dave, secretary=bob
    )
    agenda_add(actor=bob, session=session, case=busy, kind="stage_transition")
    for code in (RISK_CODE, NEEDS_CODE):
        instrument = example_instrument(code)
        assessment_save(
            actor=alice,
            case=busy,
            instrument=instrument,
            answers={item["code"]: 0 for item in instrument.definition["items"]},
            assessed_on=day - dt.timedelta(days=10),
        )
    visit_record(
        actor=alice,
        case=busy,
        idempotency_key="a11y-busy",
        visited_at=now - dt.timedelta(days=20),
        latitude="-2.990000",
        longitude="104.760000",
        accuracy_m=12,
        persons_met=[{"kind": "client", "name": "Budi"}, {"kind": "family", "name": "Siti"}],
        findings="Klien ada di rumah, bekerja di bengkel.",
        follow_up="Kunjungan lagi bulan depan.",
    )
    visit_plan(actor=alice, case=busy, planned_on=day, reason="routine", note="Pagi")
    litmas = request_create(
        actor=carol,
        office=busy.office,
        client=busy.client,
        data={
            "type": LitmasType.INTEGRASI,
            "requester_kind": RequesterKind.LAPAS_RUTAN,
            "requester_name": "Lapas Kelas I Palembang",
            "letter_number": "W6.PAS.PAS1-PK.01.05-777",
            "letter_date": day - dt.timedelta(days=2),
            "received_on": day - dt.timedelta(days=1),
        },
    )
    request_assign(actor=bob, request=litmas, officer=alice)
    guidance_card_generate(actor=alice, case=busy, fmt="docx")
    ended = make_case(
        officer=alice,
        identity={"full_name": "Rudi Hartono", "birth_date": dt.date(1979, 11, 23)},
        case={
            "guidance_start": day - dt.timedelta(days=300),
            "guidance_end": day - dt.timedelta(days=1),
        },
    )
    return BusyClients(busy=busy, ended=ended)


def test_the_document_settings_and_the_client_page_pass_axe(
    page, live_server, settings, office, alice, bob, dave, carol, make_case
):
    plain_http(settings)
    letterhead_update(
        actor=dave,
        office=office,
        data={
            "address": "Jl. Kapten A. Rivai No. 90, Palembang",
            "phone": "0711-352418",
            "email": "bapas.palembang@kemenimipas.go.id",
            "website": "bapaspalembang.kemenimipas.go.id",
        },
    )
    template = edited_default("litmas", "{{ doc.title }}", "{{ doc.title | upper }}")
    document_template_upload(actor=dave, office=office, kind="litmas", file=upload(template))
    clients = busy_clients(make_case, alice=alice, bob=bob, dave=dave, carol=carol)
    pages = {
        dave.username: ["/office/documents/"],
        alice.username: [
            f"/clients/{clients.busy.client.public_id}/",
            f"/clients/{clients.ended.client.public_id}/",
        ],
        bob.username: [f"/clients/{clients.busy.client.public_id}/"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
