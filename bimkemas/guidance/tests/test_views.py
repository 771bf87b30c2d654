"""The guidance pages: the client-page panel, plans, activities, the group session, the
evaluation with its approval, the approvals queue and the coverage page."""

import pytest
from django.urls import reverse

from bimkemas.core.dates import today
from bimkemas.guidance.models import (
    Attendance,
    Evaluation,
    EvaluationStatus,
    PlanStatus,
    StagePlan,
)
from bimkemas.guidance.services.plans import plan_propose
from bimkemas.testing import login, png_upload

pytestmark = pytest.mark.django_db


def client_page(case) -> str:
    return reverse("client_detail", args=[case.client.public_id])


def test_the_panel_shows_the_stages_and_the_buttons(client, alice, case):
    login(client, alice)
    html = client.get(client_page(case)).content.decode()
    assert 'id="guidance-title"' in html
    assert "Propose plan" in html and "Log activity" in html


def test_the_panel_has_no_buttons_for_a_registrar(client, carol, case):
    login(client, carol)
    html = client.get(client_page(case)).content.decode()
    assert 'id="guidance-title"' in html and "Propose plan" not in html


def test_propose_edit_and_agree_through_the_pages(client, alice, case):
    login(client, alice)
    url = reverse("guidance_plan_propose", args=[case.public_id, "awal"])
    response = client.post(url)
    plan = StagePlan.objects.get(case=case)
    assert response.url == reverse("guidance_plan", args=[plan.public_id])

    page = client.get(response.url)
    assert page.status_code == 200 and "Save draft" in page.content.decode()
    form = page.context["formset"]
    data = {
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "30",
        "items-0-kind": "kemandirian",
        "items-0-area": "skills",
        "items-0-description": "Pelatihan menjahit",
        "items-0-method": "groupwork",
        "items-0-frequency": "1 kali seminggu",
        "items-0-responsible": "Pokmas Lipas",
        "note": "Disusun bersama klien",
    }
    assert form is not None
    response = client.post(response.url, data)
    assert response.status_code == 302
    assert list(plan.items.values_list("description", "per_month")) == [("Pelatihan menjahit", 4)]

    agree = reverse("guidance_plan_agree", args=[plan.public_id])
    bad = client.post(agree, {"agreed_on": "01/01/2999", "method": "paper"})
    assert bad.status_code == 400
    client.post(agree, {"agreed_on": today().strftime("%d/%m/%Y"), "method": "paper"})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.AGREED


def test_another_officer_cannot_open_the_plan_form(client, pat, erin, case, alice):
    plan = plan_propose(actor=alice, case=case, stage="awal")
    for outsider in (pat, erin):
        login(client, outsider)
        assert client.get(reverse("guidance_plan", args=[plan.public_id])).status_code == 404
        assert client.post(reverse("guidance_plan_agree", args=[plan.public_id])).status_code == 404


def test_log_an_individual_activity_with_a_photo(client, alice, agreed_plan, case):
    login(client, alice)
    item = agreed_plan.items.first()
    response = client.post(
        reverse("guidance_activity_log", args=[case.public_id]),
        {
            "held_on": today().strftime("%d/%m/%Y"),
            "title": "Konseling individu",
            "plan_item": str(item.public_id),
            "method": "casework",
            "area": "attitude",
            "status": "attended",
            "photos": [png_upload()],
        },
    )
    assert response.status_code == 302
    attendance = Attendance.objects.get(case=case)
    assert attendance.plan_item == item
    session_page = client.get(reverse("guidance_session", args=[attendance.session.public_id]))
    assert "Konseling individu" in session_page.content.decode()
    photo = client.get(reverse("guidance_session_photo", args=[attendance.session.public_id, 1]))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"


def test_a_group_session_from_the_officers_home(client, alice, case, make_case):
    other = make_case(officer=alice, identity={"full_name": "Joko Susilo"})
    login(client, alice)
    url = reverse("guidance_group_session")
    page = client.get(url)
    assert "Joko Susilo" in page.content.decode()
    response = client.post(
        url,
        {
            "held_on": today().strftime("%d/%m/%Y"),
            "title": "Penyuluhan hukum",
            "method": "groupwork",
            "area": "legal",
            f"attendance-{case.public_id}": "attended",
            f"attendance-{other.public_id}": "absent",
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.filter(session__title="Penyuluhan hukum").count() == 2


def test_a_group_session_without_clients_is_refused(client, alice, case):
    login(client, alice)
    response = client.post(
        reverse("guidance_group_session"),
        {
            "held_on": today().strftime("%d/%m/%Y"),
            "title": "X",
            "method": "groupwork",
            "area": "legal",
        },
    )
    assert response.status_code == 400 and "at least one client" in response.content.decode()


def test_write_submit_and_approve_through_the_pages(client, alice, bob, lanjutan_case):
    login(client, alice)
    client.post(reverse("guidance_evaluation_create", args=[lanjutan_case.public_id, "awal"]))
    evaluation = Evaluation.objects.get(case=lanjutan_case)
    url = reverse("guidance_evaluation", args=[evaluation.public_id])
    assert "Reporting (wajib lapor)" in client.get(url).content.decode()
    client.post(
        url,
        {
            "progress_summary": "Baik",
            "recommendation": "continue",
            "attitude": "",
            "compliance_judgement": "",
        },
    )
    client.post(reverse("guidance_evaluation_submit", args=[evaluation.public_id]))
    page = client.get(url).content.decode()
    assert "You cannot approve your own evaluation." in page
    client.post(reverse("guidance_evaluation_approve", args=[evaluation.public_id]))
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.SUBMITTED

    login(client, bob)
    queue = client.get(reverse("guidance_approvals")).content.decode()
    assert lanjutan_case.client.full_name in queue
    assert "Approve" in client.get(url).content.decode()
    client.post(reverse("guidance_evaluation_approve", args=[evaluation.public_id]))
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.APPROVED


def test_the_progress_report_downloads(client, alice, submitted):
    login(client, alice)
    response = client.post(
        reverse("guidance_evaluation_document", args=[submitted.public_id]), {"fmt": "docx"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_the_approvals_and_coverage_pages_are_for_supervisors(client, alice, bob, nina, case):
    login(client, alice)
    assert client.get(reverse("guidance_approvals")).status_code == 404
    assert client.get(reverse("guidance_coverage")).status_code == 404
    login(client, nina)
    assert client.get(reverse("guidance_coverage")).status_code == 404
    login(client, bob)
    page = client.get(reverse("guidance_coverage") + "?sort=evaluation")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Alice" in html and "counts as current" in html
    assert "1 plan" in html  # alice's case began 30 days ago: its plan is overdue


def test_an_evaluation_of_another_office_is_404(client, erin, owen, submitted):
    for outsider in (erin, owen):
        login(client, outsider)
        url = reverse("guidance_evaluation", args=[submitted.public_id])
        assert client.get(url).status_code == 404
        approve = reverse("guidance_evaluation_approve", args=[submitted.public_id])
        assert client.post(approve).status_code == 404
