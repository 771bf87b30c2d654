import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.services import (
    case_close,
    case_grant_access,
    client_intake,
    document_add,
)
from bimkemas.core.dates import today
from bimkemas.testing import case_data, login, png_upload


def url(case):
    return reverse("client_detail", args=[case.client.public_id])


def test_it_shows_the_client_and_the_case(client, alice, case):
    login(client, alice)

    response = client.get(url(case))

    body = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Budi Santoso",
        case.client.nik,
        case.register_number,
        "PAS-1234.PK.05.09 TAHUN 2026",
        "Lapas Kelas I Palembang",
        "Pasal 112 ayat (1)",
        "+6281270001234",
        "Siti Aminah",
        "Kel. Sungai Pangeran",
    ):
        assert text in body
    assert response.context["age"] == case.client.age_on(today())


def test_it_draws_the_stage_timeline(client, alice, case):
    login(client, alice)

    response = client.get(url(case))

    body = response.content.decode()
    assert '<svg class="stage-timeline"' in body
    for stage in ("stage-awal", "stage-lanjutan", "stage-akhir"):
        assert f'class="{stage}"' in body
    assert 'class="timeline-today"' in body
    assert "style=" not in body  # CSP: style-src 'self'


def test_it_audits_every_view(client, alice, case):
    login(client, alice)

    client.get(url(case))
    client.get(url(case))

    views = AuditEvent.objects.for_client(case.client.pk).filter(action=AuditAction.VIEW)
    assert views.count() == 2
    assert views.first().actor == alice


@pytest.mark.parametrize("persona", ["erin", "pat", "nina"])
def test_it_hides_the_client_from_those_without_reach(client, request, case, persona):
    login(client, request.getfixturevalue(persona))

    response = client.get(url(case))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()


def test_it_shows_a_granted_officer_the_client_read_only(client, bob, pat, case):
    case_grant_access(actor=bob, case=case, officer=pat, until=today() + dt.timedelta(days=7))
    login(client, pat)

    response = client.get(url(case))

    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["writable"] is False
    assert reverse("client_edit", args=[case.client.public_id]) not in body
    assert reverse("document_upload", args=[case.public_id]) not in body
    assert reverse("phone_add", args=[case.client.public_id]) not in body


def test_it_gives_supervisors_the_case_actions(client, bob, case):
    login(client, bob)

    body = client.get(url(case)).content.decode()

    for name in ("case_assign", "case_close", "case_grant", "case_card"):
        assert reverse(name, args=[case.public_id]) in body
    assert reverse("client_access_log", args=[case.client.public_id]) in body


def test_it_hides_supervisor_actions_from_the_officer(client, alice, case):
    login(client, alice)

    body = client.get(url(case)).content.decode()

    assert reverse("case_assign", args=[case.public_id]) not in body
    assert reverse("client_access_log", args=[case.client.public_id]) not in body
    assert reverse("client_edit", args=[case.client.public_id]) in body


def test_it_shows_the_photo_documents_and_assignments(client, alice, bob, case):
    photo = document_add(actor=alice, case=case, kind="photo_front", upload=png_upload())
    login(client, bob)

    response = client.get(url(case))

    body = response.content.decode()
    assert reverse("document_download", args=[photo.public_id]) in body
    assert 'class="client-photo' in body
    assert [a.officer for a in response.context["assignments"]] == [alice]


def test_it_lists_earlier_cases_of_a_returning_client(client, bob, carol, case, pb, facility):
    case_close(actor=bob, case=case, status="completed", closed_on=today())
    returned = client_intake(
        actor=carol,
        identity={},
        case=case_data(pb, facility, guidance_start=today()),
        existing_client=case.client,
    )
    login(client, bob)

    response = client.get(url(case))

    assert response.context["case"] == returned
    assert list(response.context["earlier_cases"]) == [case]
    assert case.register_number in response.content.decode()
