"""The visit pages: who may open them (own PK, supervisor; another Bapas and the national
viewer get 404), the plan form, the visit form (plain post and the queue's JSON), the day
plan with its route, the client-page panel and the work items."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from bimkemas.core.dates import today
from bimkemas.core.workitems import work_items_for
from bimkemas.reporting.models import CheckIn
from bimkemas.testing import login, png_upload
from bimkemas.visits.models import HomeVisit, VisitStatus
from bimkemas.visits.services import visit_plan
from bimkemas.visits.tests.conftest import set_home

pytestmark = pytest.mark.django_db


def _form(key="key-1", **extra):
    data = {
        "outcome": "done",
        "visited_at": "",
        "findings": "Klien sehat, bekerja di bengkel.",
        "follow_up": "",
        "latitude": "-2.990000",
        "longitude": "104.760000",
        "accuracy": "15",
        "key": key,
        "person_kind": ["client", "rt_rw_head"],
        "person_name": ["Budi", "Pak RT Ahmad"],
    }
    data.update(extra)
    return data


def test_my_visits_lists_todays_visits_and_those_due(client, alice, case, planned, make_case):
    due_case = make_case(officer=alice, identity={"full_name": "Rudi Hartono", "nik": None})
    from bimkemas.violations.models import Violation

    Violation.objects.create(
        case=due_case, kind="three_misses", source="reporting", occurred_on=today(), summary="3x"
    )
    login(client, alice)
    response = client.get(reverse("visits_home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert case.client.full_name in page
    assert reverse("visits_record", args=[planned.public_id]) in page
    assert "Rudi Hartono" in page
    assert reverse("visits_plan", args=[due_case.public_id]) + "?reason=three_misses" in page


@pytest.mark.parametrize("persona", ["alice", "bob"])
def test_the_officer_and_a_supervisor_plan_a_visit(client, case, persona, request):
    login(client, request.getfixturevalue(persona))
    url = reverse("visits_plan", args=[case.public_id])
    assert client.get(url).status_code == 200
    day = today() + dt.timedelta(days=1)
    response = client.post(
        url, {"planned_on": day.strftime("%d/%m/%Y"), "reason": "routine", "note": "Pagi"}
    )
    assert response.status_code == 302
    visit = HomeVisit.objects.get()
    assert visit.planned_on == day and visit.officer == case.officer


def test_a_plan_in_the_past_is_shown_again_with_the_reason(client, alice, case):
    login(client, alice)
    url = reverse("visits_plan", args=[case.public_id])
    day = today() - dt.timedelta(days=1)
    response = client.post(url, {"planned_on": day.strftime("%d/%m/%Y"), "reason": "routine"})
    assert response.status_code == 400
    assert "Choose today or a later day." in response.content.decode()
    assert not HomeVisit.objects.exists()


@pytest.mark.parametrize("persona", ["erin", "nina", "pat", "carol"])
def test_others_cannot_plan_or_record(client, case, planned, persona, request):
    login(client, request.getfixturevalue(persona))
    for url in (
        reverse("visits_plan", args=[case.public_id]),
        reverse("visits_new", args=[case.public_id]),
        reverse("visits_record", args=[planned.public_id]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, _form()).status_code == 404
    assert client.post(reverse("visits_cancel", args=[planned.public_id])).status_code == 404
    assert HomeVisit.objects.get().status == VisitStatus.PLANNED


@pytest.mark.parametrize("persona", ["erin", "nina", "pat"])
def test_others_do_not_see_a_visit(client, case, planned, persona, request):
    login(client, request.getfixturevalue(persona))
    assert client.get(reverse("visits_detail", args=[planned.public_id])).status_code == 404


def test_the_registrar_sees_but_does_not_record(client, carol, planned):
    login(client, carol)
    assert client.get(reverse("visits_detail", args=[planned.public_id])).status_code == 200


def test_a_planned_visit_is_recorded_by_a_plain_form_post(client, alice, case, planned):
    login(client, alice)
    url = reverse("visits_record", args=[planned.public_id])
    page = client.get(url)
    assert page.status_code == 200 and b'id="visit-form"' in page.content
    response = client.post(url, {**_form(), "photos": [png_upload()]})
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.status == VisitStatus.DONE
    assert planned.persons_met == [
        {"kind": "client", "name": "Budi"},
        {"kind": "rt_rw_head", "name": "Pak RT Ahmad"},
    ]
    assert planned.accuracy_m == 15 and planned.photos.count() == 1
    assert CheckIn.objects.get().channel == "home_visit"
    detail = client.get(response["Location"])
    assert b"Pak RT Ahmad" in detail.content
    photo = client.get(reverse("visits_photo", args=[planned.public_id, 1]))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert client.get(url).status_code == 302  # a recorded visit shows its record


def test_the_queue_gets_json_and_a_resend_is_the_same_visit(client, alice, case):
    login(client, alice)
    url = reverse("visits_new", args=[case.public_id])
    headers = {"HTTP_ACCEPT": "application/json"}
    first = client.post(url, _form(key="q-1", reason="violation_check"), **headers)
    again = client.post(url, _form(key="q-1", reason="violation_check"), **headers)
    assert first.status_code == again.status_code == 201
    assert json.loads(first.content)["id"] == json.loads(again.content)["id"]
    assert HomeVisit.objects.count() == 1 and CheckIn.objects.count() == 1
    assert HomeVisit.objects.get().reason == "violation_check"
    refused = client.post(url, _form(key="q-2", findings=""), **headers)
    assert refused.status_code == 400
    assert json.loads(refused.content)["detail"] == "Write what you found."


def test_a_bad_form_is_shown_again(client, alice, case):
    login(client, alice)
    url = reverse("visits_new", args=[case.public_id])
    response = client.post(url, _form(person_kind=["martian"], person_name=["X"]))
    assert response.status_code == 400
    assert not HomeVisit.objects.exists()


def test_the_day_plan_orders_the_stops_from_the_office(client, alice, make_case, office_located):
    homes = {"Ani": ("-2.950000", "104.700000"), "Bima": ("-2.977000", "104.746000")}
    cases = {}
    for name, (lat, lon) in homes.items():
        c = make_case(officer=alice, identity={"full_name": name, "nik": None})
        set_home(c, lat, lon)
        cases[name] = c
        visit_plan(actor=alice, case=c, planned_on=today(), reason="routine")
    nowhere = make_case(officer=alice, identity={"full_name": "Citra", "nik": None})
    visit_plan(actor=alice, case=nowhere, planned_on=today(), reason="routine")
    login(client, alice)
    response = client.get(reverse("visits_day", args=[today().isoformat()]))
    page = response.content.decode()
    assert response.status_code == 200
    route = page.split('id="route"')[1].split("</ol>")[0]
    assert route.index("Bima") < route.index("Ani")  # the nearest to the office first
    assert "Citra" in page.split('id="unlocated"')[1]
    assert "geo:-2.977000,104.746000" in page
    assert "30 km/h" in page
    assert '<script src="http' not in page and "tile" not in page


def test_the_day_plan_refuses_a_bad_date(client, alice):
    login(client, alice)
    assert client.get("/visits/day/2026-13-45/").status_code == 404


def test_a_planned_visit_can_be_cancelled(client, alice, planned):
    login(client, alice)
    response = client.post(reverse("visits_cancel", args=[planned.public_id]), {"reason": "Banjir"})
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.status == VisitStatus.CANCELLED and planned.cancel_reason == "Banjir"


def test_the_client_page_shows_the_visits_panel(client, alice, case, planned, erin):
    login(client, alice)
    page = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert 'id="visits-title"' in page
    assert reverse("visits_new", args=[case.public_id]) in page


def test_work_items_show_visits_due_and_planned_today(alice, case, planned):
    from bimkemas.clients.models import SupervisionCase

    SupervisionCase.objects.filter(pk=case.pk).update(akhir_from=today())
    groups = {group.kind: group for group in work_items_for(alice, today())}
    assert groups["visits.today"].total == 1
    assert groups["visits.home_visit"].total == 1


def test_the_service_worker_and_token(client, alice):
    response = client.get(reverse("visits_sw"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b"visits-queue" in response.content
    login(client, alice)
    token = client.get(reverse("visits_token"))
    assert json.loads(token.content)["user"] == str(alice.public_id)


def test_three_misses_put_a_home_visit_to_plan_on_the_officers_home_page(alice, case):
    from bimkemas.violations.models import Violation

    Violation.objects.create(
        case=case, kind="three_misses", source="reporting", occurred_on=today(), summary="3x"
    )
    groups = {group.kind: group for group in work_items_for(alice, today())}
    item = groups["visits.home_visit"].items[0]
    assert item.url == reverse("visits_plan", args=[case.public_id]) + "?reason=three_misses"
    assert "reporting.home_visit" not in groups  # one item for one visit


def test_the_national_viewer_has_no_visit_pages(client, nina):
    login(client, nina)
    assert client.get(reverse("visits_home")).status_code == 404
    assert client.get(reverse("visits_day", args=[today().isoformat()])).status_code == 404


def test_the_supervisor_sees_the_offices_visits_due(client, bob, case):
    from bimkemas.clients.models import SupervisionCase

    SupervisionCase.objects.filter(pk=case.pk).update(akhir_from=today())
    login(client, bob)
    page = client.get(reverse("visits_home")).content.decode()
    assert reverse("visits_plan", args=[case.public_id]) in page


def test_an_officer_of_another_bapas_sees_none_of_ours(client, erin, case):
    from bimkemas.clients.models import SupervisionCase

    SupervisionCase.objects.filter(pk=case.pk).update(akhir_from=today())
    login(client, erin)
    page = client.get(reverse("visits_home")).content.decode()
    assert case.client.full_name not in page


def test_the_panel_offers_no_buttons_to_the_registrar(client, carol, case):
    login(client, carol)
    page = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert 'id="visits-title"' in page
    assert reverse("visits_new", args=[case.public_id]) not in page
