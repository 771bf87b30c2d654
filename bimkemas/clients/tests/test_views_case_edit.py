import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import CaseStatus
from bimkemas.clients.services import case_close
from bimkemas.core.dates import today
from bimkemas.testing import login


def url(case) -> str:
    return reverse("case_edit", args=[case.public_id])


def form_data(case, **changes) -> dict:
    data = {
        "programme": case.programme_id,
        "sk_number": case.sk_number,
        "sk_date": case.sk_date.isoformat(),
        "sk_issuer": case.sk_issuer,
        "origin_facility": case.origin_facility_id,
        "offence_law": case.offence_law,
        "offence_article": case.offence_article,
        "crime_category": case.crime_category,
        "sentence_years": case.sentence_years,
        "sentence_months": case.sentence_months,
        "sentence_days": case.sentence_days,
        "guidance_start": case.guidance_start.isoformat(),
        "guidance_end": case.guidance_end.isoformat(),
        "aftercare_until": "",
        "general_conditions": case.general_conditions,
        "special_conditions": case.special_conditions,
        "received_on": case.received_on.isoformat(),
    }
    data.update(changes)
    return data


def update_events():
    return AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="supervisioncase")


def test_it_shows_the_form_filled_in(client, alice, case):
    login(client, alice)

    response = client.get(url(case))

    assert response.status_code == 200
    assert 'value="PAS-1234.PK.05.09 TAHUN 2026"' in response.text
    assert f'value="{case.guidance_start:%d/%m/%Y}"' in response.text


@pytest.mark.parametrize("persona", ["alice", "bob", "dave"])
def test_it_saves_changes_and_audits_old_and_new(client, request, case, persona):
    user = request.getfixturevalue(persona)
    login(client, user)

    response = client.post(
        url(case), form_data(case, sk_number="PAS-77 TAHUN 2026", special_conditions="Wajib lapor")
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("client_detail", args=[case.client.public_id])
    case.refresh_from_db()
    assert (case.sk_number, case.special_conditions) == ("PAS-77 TAHUN 2026", "Wajib lapor")
    event = update_events().get()
    assert event.actor == user
    assert event.changes == {
        "sk_number": ["PAS-1234.PK.05.09 TAHUN 2026", "PAS-77 TAHUN 2026"],
        "special_conditions": ["", "Wajib lapor"],
    }


def test_it_says_the_case_was_saved(client, bob, case):
    login(client, bob)

    response = client.post(url(case), form_data(case, sk_number="PAS-77"), follow=True)

    assert f"Case {case.register_number} was saved." in response.text


@pytest.mark.parametrize("persona", ["carol", "pat", "erin", "nina"])
def test_it_is_a_404_for_those_who_may_not_edit(client, request, case, persona):
    login(client, request.getfixturevalue(persona))

    assert client.get(url(case)).status_code == 404
    response = client.post(url(case), form_data(case, sk_number="PAS-77"))

    assert response.status_code == 404
    case.refresh_from_db()
    assert case.sk_number == "PAS-1234.PK.05.09 TAHUN 2026"


def test_it_sends_anonymous_visitors_to_log_in(client, case):
    response = client.get(url(case))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"guidance_end": "2020-01-01"}, "guidance_end", "ends before it starts"),
        ({"sk_date": "2026-02-31"}, "sk_date", "Enter a valid date."),
        ({"received_on": (today() + dt.timedelta(days=3)).isoformat()}, "received_on", "future"),
    ],
)
def test_it_refuses_a_bad_date_and_changes_nothing(client, bob, case, changes, field, message):
    login(client, bob)

    response = client.post(url(case), form_data(case, sk_number="PAS-77", **changes))

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.text
    case.refresh_from_db()
    assert case.sk_number == "PAS-1234.PK.05.09 TAHUN 2026"
    assert not update_events().exists()


def test_it_shows_the_services_message_on_the_form(client, bob, case):
    login(client, bob)
    too_early = case.guidance_end.isoformat()

    response = client.post(url(case), form_data(case, aftercare_until=too_early))

    assert response.status_code == 400
    assert response.context["form"].errors["aftercare_until"] == [
        "After-care must end after the guidance period."
    ]
    assert not update_events().exists()


def test_a_closed_case_cannot_be_changed(client, bob, case):
    case_close(actor=bob, case=case, status=CaseStatus.COMPLETED, closed_on=today())
    login(client, bob)

    assert "can no longer be changed" in client.get(url(case)).text
    response = client.post(url(case), form_data(case, sk_number="PAS-77"))

    assert response.status_code == 400
    assert not update_events().exists()


def test_the_client_page_links_to_the_form_only_for_editors(client, alice, carol, case):
    detail = reverse("client_detail", args=[case.client.public_id])
    login(client, alice)
    assert url(case) in client.get(detail).text

    login(client, carol)
    assert url(case) not in client.get(detail).text
