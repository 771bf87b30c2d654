"""The officer changes a case's reporting schedule and excuses a client from reporting, from
the client page; bad input changes nothing, other people cannot."""

import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.reporting.models import CaseSchedule, Excuse
from bimkemas.testing import login


def schedule_url(case):
    return reverse("reporting_schedule_change", args=[case.public_id])


def excuse_url(case):
    return reverse("reporting_excuse_record", args=[case.public_id])


def schedule_data(**changes) -> dict:
    return {
        "frequency": "weekly",
        "starts_on": today().strftime("%d/%m/%Y"),
        "grace_days": "3",
        "basis": "tpp",
        "reference": "Sidang TPP 12/2026, 1 Desember 2026",
        **changes,
    }


def test_the_client_page_offers_both_actions_to_the_officer(client, alice, case):
    login(client, alice)
    html = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert schedule_url(case) in html
    assert excuse_url(case) in html


def test_the_schedule_form_starts_from_the_rule_in_force(client, alice, case):
    login(client, alice)
    form = client.get(schedule_url(case)).context["form"]
    assert form.initial["frequency"] == "monthly"
    assert form.initial["grace_days"] == 3
    assert form.initial["basis"] == "officer"


def test_a_tpp_decision_sets_twice_a_month(client, alice, case):
    login(client, alice)
    data = schedule_data(frequency="twice_monthly", grace_days="2")

    response = client.post(schedule_url(case), data, follow=True)

    assert "Reporting schedule changed." in response.content.decode()
    schedule = CaseSchedule.objects.get(case=case)
    assert (schedule.frequency, schedule.grace_days, schedule.basis) == ("twice_monthly", 2, "tpp")
    assert schedule.set_by == alice
    assert AuditEvent.objects.filter(object_type="caseschedule", client_pk=case.client.pk).exists()


def test_a_tpp_decision_needs_its_reference(client, alice, case):
    login(client, alice)
    response = client.post(schedule_url(case), schedule_data(reference=""))

    assert response.status_code == 400
    assert "Name the decision or condition" in response.content.decode()
    assert not CaseSchedule.objects.exists()


def test_an_excuse_is_recorded_with_its_reason(client, alice, case):
    login(client, alice)
    first = max(today(), case.guidance_start)
    data = {
        "starts_on": first.strftime("%d/%m/%Y"),
        "ends_on": (first + dt.timedelta(days=13)).strftime("%d/%m/%Y"),
        "reason": "Dirawat di RS Muhammadiyah Palembang",
    }

    response = client.post(excuse_url(case), data, follow=True)

    assert "Excuse recorded" in response.content.decode()
    excuse = Excuse.objects.get(case=case)
    assert excuse.reason == "Dirawat di RS Muhammadiyah Palembang"
    assert excuse.granted_by == alice


def test_an_excuse_ending_before_it_starts_is_refused(client, alice, case):
    login(client, alice)
    first = max(today(), case.guidance_start) + dt.timedelta(days=5)
    data = {
        "starts_on": first.strftime("%d/%m/%Y"),
        "ends_on": (first - dt.timedelta(days=2)).strftime("%d/%m/%Y"),
        "reason": "Ke Jakarta, diizinkan PK",
    }

    response = client.post(excuse_url(case), data)

    assert response.status_code == 400
    assert "The last day cannot be before the first." in response.content.decode()
    assert not Excuse.objects.exists()


@pytest.mark.parametrize("persona", ["pat", "erin", "nina", "carol"])
def test_others_cannot_change_the_duty(client, request, case, persona):
    login(client, request.getfixturevalue(persona))
    assert client.get(schedule_url(case)).status_code == 404
    assert client.get(excuse_url(case)).status_code == 404


def test_the_supervisor_can(client, bob, case):
    login(client, bob)
    assert client.get(excuse_url(case)).status_code == 200


def test_the_registrar_records_contacts_but_does_not_change_the_duty(client, carol, case):
    login(client, carol)
    html = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert reverse("reporting_contact_record", args=[case.public_id]) in html
    assert schedule_url(case) not in html
