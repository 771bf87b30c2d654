"""The guidance journey in a real browser: the PK proposes and agrees the stage's plan, logs
an activity, writes and submits the evaluation of the ended stage; the section head approves
it. The steps are small functions that later journeys (a TPP session advancing the stage)
reuse."""

import pytest
from django.urls import reverse

from bimkemas.core.dates import today
from bimkemas.dashboards.tests.test_browser_journey import log_in
from bimkemas.guidance.models import (
    Attendance,
    Evaluation,
    EvaluationStatus,
    PlanStatus,
    StagePlan,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP; production cookies are Secure-only."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def open_client(page, live_server, case) -> None:
    page.goto(f"{live_server.url}{reverse('client_detail', args=[case.client.public_id])}")
    page.locator("#guidance-title").wait_for()


def propose_and_agree_plan(page, live_server, case, stage: str) -> None:
    """From the client page: propose the stage's plan, then record the client's agreement."""
    open_client(page, live_server, case)
    page.locator(f"form[action$='/plans/{stage}/propose/'] button").click()
    page.get_by_role("link", name="Record agreement").first.click()
    page.fill("[name=agreed_on]", today().strftime("%d/%m/%Y"))
    page.get_by_label("Signed on paper").check()
    page.locator("main form button[type=submit]").click()
    page.locator("#guidance-title").wait_for()


def log_activity(page, live_server, case, title: str) -> None:
    """An individual activity linked to the first item of the current plan."""
    open_client(page, live_server, case)
    page.get_by_role("link", name="Log activity").click()
    page.fill("[name=title]", title)
    page.locator("[name=plan_item]").select_option(index=1)
    page.get_by_role("button", name="Save activity").click()
    page.locator("#guidance-title").wait_for()


def write_and_submit_evaluation(page, live_server, case, stage: str) -> None:
    open_client(page, live_server, case)
    page.locator(f"form[action$='/evaluations/{stage}/new/'] button").click()
    page.fill("[name=progress_summary]", "Klien rutin wajib lapor dan mengikuti bimbingan.")
    page.select_option("[name=recommendation]", "continue")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Submit for approval").click()
    page.get_by_text("Submitted to the section head.").wait_for()


def approve_from_the_queue(page, live_server, client_name: str) -> None:
    page.goto(f"{live_server.url}{reverse('guidance_approvals')}")
    page.get_by_role("link", name=f"Review {client_name}").click()
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("The evaluation was approved.").wait_for()


def test_plan_activity_evaluation_and_approval(page, live_server, alice, bob, lanjutan_case):
    case = lanjutan_case
    log_in(page, live_server, alice.username)

    propose_and_agree_plan(page, live_server, case, "lanjutan")
    plan = StagePlan.objects.get(case=case, stage="lanjutan")
    assert plan.status == PlanStatus.AGREED

    log_activity(page, live_server, case, "Konseling individu")
    attendance = Attendance.objects.get(case=case)
    assert attendance.plan_item.plan == plan

    write_and_submit_evaluation(page, live_server, case, "awal")
    evaluation = Evaluation.objects.get(case=case, stage="awal")
    assert evaluation.status == EvaluationStatus.SUBMITTED

    log_in(page, live_server, bob.username)
    approve_from_the_queue(page, live_server, case.client.full_name)
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.APPROVED and evaluation.approved_by == bob
