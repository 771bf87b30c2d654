"""The violation journey in a real browser (Chromium driven by Playwright): the officer
records a violation from the client page with a file, takes the suggested step of the ladder
as a warning, and downloads the numbered letter; every page passes axe at 1280 and 360 px."""

import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.testing import PDF_BYTES
from bimkemas.testing_axe import axe_problems, log_in, plain_http
from bimkemas.violations.ladder import office_ladder
from bimkemas.violations.models import Violation
from bimkemas.violations.services import violation_decide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_decide_and_print_the_letter(
    page, live_server, settings, alice, bob, case, tmp_path
):
    plain_http(settings)
    # An earlier counselling: the form suggests the next step, Surat Peringatan I.
    earlier = Violation.objects.create(
        case=case,
        kind="programme",
        source="officer",
        occurred_on=today() - dt.timedelta(days=20),
        summary="Tidak hadir bimbingan kelompok",
    )
    violation_decide(actor=alice, violation=earlier, rung=office_ladder(case.office_id)[0])
    evidence = tmp_path / "pengaduan.pdf"
    evidence.write_bytes(PDF_BYTES)
    base = live_server.url

    log_in(page, base, alice.username)
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{base}/clients/{case.client.public_id}/")
    page.get_by_role("link", name="Record a violation").click()
    page.select_option("[name=kind]", "unrest")
    page.select_option("[name=source]", "complaint")
    page.fill("[name=occurred_on]", (today() - dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    page.fill("[name=summary]", "Keributan di warung, pengaduan ketua RW")
    page.fill("[name=evidence]", "Dua saksi warga")
    page.set_input_files("[name=attachments]", str(evidence))
    page.get_by_role("button", name="Record the violation").click()
    page.wait_for_url(f"{base}/violations/*/")
    violation = Violation.objects.get(kind="unrest")
    assert "pengaduan.pdf" in page.inner_text("main")
    assert "Surat Peringatan I" in page.get_by_test_id("suggested-rung").inner_text()
    detail = page.url

    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("button", name="Record the response").click()
    page.wait_for_url(detail)
    assert page.get_by_test_id("decided-rung").inner_text() == "Surat Peringatan I"
    with page.expect_download() as download:
        page.get_by_role("button", name="DOCX").click()  # a PDF opens in the browser instead
    assert download.value.suggested_filename.startswith("violation-letter-")
    assert download.value.suggested_filename.endswith(".docx")
    page.goto(detail)
    assert "Download" in page.inner_text("main")

    # The client page is checked by the apps' page-wide accessibility tests.
    pages = {
        alice.username: [
            f"/cases/{case.public_id}/violations/new/",
            f"/violations/{earlier.public_id}/",
            f"/violations/{violation.public_id}/",
            "/violations/",
        ],
        bob.username: ["/violations/", "/office/violation-ladder/"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
