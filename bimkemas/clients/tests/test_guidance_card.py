import subprocess

import pytest
from django.urls import reverse
from django.utils import translation

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.card import card_html
from bimkemas.clients.conditions import ReportingDuty, duty_from_conditions, reporting_duty
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


def test_a_case_without_officer_is_not_printed_and_the_page_says_why(client, bob, make_case):
    new_case = make_case(identity={"nik": None, "full_name": "Rudi"})
    login(client, bob)

    response = client.get(url(new_case), follow=True)

    assert response.redirect_chain[-1][0] == reverse(
        "client_detail", args=[new_case.client.public_id]
    )
    body = response.content.decode()
    assert "The guidance card can be printed once an officer is assigned." in body
    assert url(new_case) not in body
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_the_client_page_offers_the_card_once_an_officer_is_assigned(client, bob, case):
    login(client, bob)
    body = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert url(case) in body
    assert "can be printed once an officer is assigned" not in body


def test_the_card_prints_the_duty_the_special_conditions_set(make_case, alice, settings):
    settings.LANGUAGE_CODE = "id"
    twice = make_case(officer=alice, case={"special_conditions": "Wajib lapor dua kali sebulan."})

    html = card_html(twice)

    with translation.override("id"):
        assert ReportingDuty(2, "month").text in html
        assert reporting_duty("PB").text not in html


def test_a_reporting_condition_it_cannot_read_is_printed_as_written(make_case, alice):
    written = "Wajib lapor melalui aplikasi SIEMBALANG setiap Senin."
    new_case = make_case(officer=alice, case={"special_conditions": written})

    html = card_html(new_case)

    assert written in html
    with translation.override("id"):
        assert reporting_duty("PB").text not in html


@pytest.mark.parametrize(
    ("conditions", "times", "per"),
    [
        ("Wajib lapor dua kali sebulan.", 2, "month"),
        ("Wajib lapor 2 (dua) kali dalam sebulan.", 2, "month"),
        ("Wajib lapor 2x seminggu", 2, "week"),
        ("Tidak mendekati korban. Wajib lapor seminggu sekali.", 1, "week"),
        ("Wajib melapor ke Bapas setiap minggu.", 1, "week"),
        ("Wajib lapor sekali sebulan", 1, "month"),
    ],
)
def test_it_reads_the_frequency_of_a_reporting_condition(conditions, times, per):
    duty = duty_from_conditions(conditions)
    assert duty is not None and (duty.times, duty.per) == (times, per)


@pytest.mark.parametrize(
    "conditions",
    ["", "Mengikuti rehabilitasi rawat jalan di BNNK.", "Melaporkan perubahan alamat."],
)
def test_conditions_not_about_reporting_leave_the_programme_default(conditions):
    assert duty_from_conditions(conditions) is None


def test_the_head_of_bapas_signs_with_name_and_nip(case, dave):
    dave.first_name, dave.last_name, dave.nip = (
        "Drs. Dadang",
        "Suryana, M.Si.",
        "196804121990031002",
    )
    dave.save()

    html = card_html(case)

    assert "Drs. Dadang Suryana, M.Si." in html
    assert "NIP 196804121990031002" in html


def test_asimilasi_reports_weekly_and_integration_programmes_monthly(db):
    assert reporting_duty("PB").frequency == "monthly"
    assert reporting_duty("CB").frequency == "monthly"
    assert reporting_duty("CMB").frequency == "monthly"
    assert reporting_duty("ASIMILASI").frequency == "weekly"
    assert ReportingDuty(2, "month").frequency == "2x monthly"


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
