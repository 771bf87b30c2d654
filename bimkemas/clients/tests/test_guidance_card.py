import subprocess

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.card import card_html, reporting_duty
from bimkemas.clients.models import Programme
from bimkemas.clients.services import client_intake, document_add
from bimkemas.testing import case_data, identity_data, login, png_upload


def url(case) -> str:
    return reverse("case_card", args=[case.public_id])


def test_the_officer_downloads_the_card_as_an_audited_pdf(client, alice, case):
    login(client, alice)
    response = client.get(url(case))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    assert len(response.content) > 5000
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (event.actor, event.client_pk, event.summary) == (
        alice,
        case.client_id,
        "Kartu bimbingan",
    )


def test_the_card_names_the_register_number_officer_and_reporting_duty(case, settings):
    settings.LANGUAGE_CODE = "id"
    html = card_html(case)
    assert case.register_number in html
    assert "KARTU BIMBINGAN KLIEN PEMASYARAKATAN" in html
    assert "Alice" in html and "PK Ahli Muda" in html
    assert reporting_duty("PB").text in html
    assert case.client.full_name in html


def test_the_card_embeds_the_front_photo(case, carol):
    document_add(actor=carol, case=case, kind="photo_front", upload=png_upload())
    case.client.refresh_from_db()
    assert 'src="data:image/png;base64,' in card_html(case)


def test_the_pdf_text_holds_the_register_number(client, bob, case):
    login(client, bob)
    pdf = client.get(url(case)).content
    try:
        text = subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S607 (poppler's tool, found on PATH)
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except FileNotFoundError:
        pytest.skip("pdftotext is not installed")
    assert case.register_number in text


def test_a_case_without_officer_still_prints(make_case):
    new_case = make_case(identity={"nik": None, "full_name": "Rudi"})
    assert new_case.register_number in card_html(new_case)


def test_asimilasi_reports_weekly_and_integration_programmes_monthly(db):
    assert reporting_duty("PB").frequency == "monthly"
    assert reporting_duty("CB").frequency == "monthly"
    assert reporting_duty("CMB").frequency == "monthly"
    assert reporting_duty("ASIMILASI").frequency == "weekly"


def test_an_asimilasi_card_says_weekly(carol, work_area, facility, settings):
    settings.LANGUAGE_CODE = "id"
    asimilasi = Programme.objects.create(code="ASIMILASI", name="Asimilasi di rumah")
    new_case = client_intake(
        actor=carol,
        identity=identity_data(work_area, nik=None),
        case=case_data(asimilasi, facility),
    )
    assert reporting_duty("ASIMILASI").text in card_html(new_case)


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_others_get_404(client, request, persona, case):
    login(client, request.getfixturevalue(persona))
    assert client.get(url(case)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_the_registrar_can_print_the_card(client, carol, case):
    login(client, carol)
    assert client.get(url(case)).status_code == 200
