"""The pages: choose an instrument, fill in (draft or scored), read the result, the panel."""

from bimkemas.assessments.models import Assessment, ReassessmentTrigger
from bimkemas.assessments.tests.conftest import answers_for, highest
from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.testing import login


def choose_url(case):
    return f"/assessments/cases/{case.public_id}/new/"


def new_url(case, instrument):
    return f"/assessments/cases/{case.public_id}/new/{instrument.public_id}/"


def form_data(instrument, answers, action="score", **extra):
    data = {f"item_{code}": index for code, index in answers.items()}
    data.update(
        assessed_on=today().strftime("%d/%m/%Y"), reason="initial", sources="Wawancara", note=""
    )
    data.update(action=action, **extra)
    return data


def test_the_officer_chooses_an_instrument_labelled_as_an_example(client, alice, case, risk, needs):
    login(client, alice)
    html = client.get(choose_url(case)).content.decode()
    assert risk.name in html and needs.name in html
    assert "Contoh — periksa terhadap teks resmi" in html
    assert new_url(case, risk) in html


def test_the_form_shows_one_block_per_question_with_radio_options(client, alice, case, risk):
    login(client, alice)
    html = client.get(new_url(case, risk)).content.decode()
    assert html.count("<fieldset") == 10
    assert 'type="radio"' in html
    assert "Usia klien saat ini" in html


def test_a_complete_form_is_scored_and_shows_the_band(client, alice, case, risk):
    login(client, alice)
    response = client.post(new_url(case, risk), form_data(risk, answers_for(risk, highest)))
    assessment = Assessment.objects.get()
    assert response.url == f"/assessments/{assessment.public_id}/"
    html = client.get(response.url).content.decode()
    assert "Sangat Tinggi" in html and "17" in html
    assert "What this feeds" in html
    assert AuditEvent.objects.filter(action="view", object_id=str(assessment.public_id)).exists()


def test_missing_answers_save_a_draft_that_says_what_is_missing(client, alice, case, risk):
    login(client, alice)
    answers = answers_for(risk)
    del answers["A4"]
    response = client.post(new_url(case, risk), form_data(risk, answers), follow=True)
    assessment = Assessment.objects.get()
    assert assessment.is_draft and assessment.score is None
    html = response.content.decode()
    assert "Saved as a draft" in html
    assert "Not scored: these questions are not answered yet." in html
    edit = client.get(f"/assessments/{assessment.public_id}/edit/").content.decode()
    assert "1 question is not answered yet" in edit
    assert 'id="q-A4"' in edit
    answers["A4"] = 1
    client.post(f"/assessments/{assessment.public_id}/edit/", form_data(risk, answers))
    assessment.refresh_from_db()
    assert (assessment.status, assessment.score) == ("scored", 2)


def test_save_as_draft_keeps_a_complete_form_unscored(client, alice, case, risk):
    login(client, alice)
    client.post(new_url(case, risk), form_data(risk, answers_for(risk), action="draft"))
    assert Assessment.objects.get().is_draft


def test_a_scored_assessment_cannot_be_edited(client, alice, case, risk, assess):
    assessment = assess(case, risk)
    login(client, alice)
    response = client.get(f"/assessments/{assessment.public_id}/edit/", follow=True)
    assert "cannot be changed" in response.content.decode()


def test_bad_input_is_shown_and_nothing_is_saved(client, alice, case, risk):
    login(client, alice)
    data = form_data(risk, {"A1": 7}, assessed_on="31/02/2026")
    response = client.post(new_url(case, risk), data)
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_the_needs_result_lists_domains_with_levels_and_suggestions(
    client, alice, case, needs, assess
):
    assessment = assess(case, needs, answers_for(needs, highest))
    login(client, alice)
    html = client.get(f"/assessments/{assessment.public_id}/").content.decode()
    assert "Alkohol dan narkoba" in html
    assert "tinggi (high)" in html
    assert "Konseling adiksi" in html


def test_the_client_page_panel_shows_band_needs_and_due_date(
    client, alice, case, risk, needs, assess
):
    login(client, alice)
    html = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert "Risk and needs assessment" in html
    assert "Not assessed yet." in html
    assert "First risk and needs assessment" in html
    assert choose_url(case) in html
    assess(case, risk, answers_for(risk, highest))
    assess(case, needs, answers_for(needs, highest))
    html = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert "Sangat Tinggi" in html and "Yearly risk and needs reassessment" in html
    assert "Keuangan" in html


def test_the_registrar_reads_the_panel_without_assess_buttons(client, carol, case, risk, assess):
    assess(case, risk)
    login(client, carol)
    html = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert "Risk and needs assessment" in html
    assert choose_url(case) not in html


def test_a_reassessment_is_requested_from_the_client_page(client, alice, case):
    login(client, alice)
    url = f"/assessments/cases/{case.public_id}/reassess/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "tpp_request", "note": "Permintaan sidang TPP"})
    assert response.status_code == 302
    trigger = ReassessmentTrigger.objects.get()
    assert (trigger.case, trigger.created_by, trigger.reason) == (case, alice, "tpp_request")
    assert client.post(url, {"reason": "nope"}).status_code == 400


def test_the_needs_result_offers_the_stage_plan_it_feeds(client, alice, carol, case, needs, assess):
    assessment = assess(case, needs, answers_for(needs, highest))
    login(client, alice)
    html = client.get(f"/assessments/{assessment.public_id}/").content.decode()
    assert f"/guidance/cases/{case.public_id}/plans/awal/propose/" in html
    login(client, carol)
    html = client.get(f"/assessments/{assessment.public_id}/").content.decode()
    assert "/plans/awal/propose/" not in html


def test_the_panel_of_a_closed_case_keeps_the_history_without_buttons(
    client, bob, case, risk, assess
):
    assessment = assess(case, risk)
    case.status = "completed"
    case.save(update_fields=["status"])
    login(client, bob)
    html = client.get(f"/clients/{case.client.public_id}/").content.decode()
    assert f"/assessments/{assessment.public_id}/" in html
    assert choose_url(case) not in html
