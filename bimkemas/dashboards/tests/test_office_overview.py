import datetime as dt

import pytest
from django.urls import reverse

from bimkemas.accounts.models import Absence, AbsenceKind, Role
from bimkemas.core.dates import today
from bimkemas.testing import login, make_user


@pytest.mark.parametrize("persona", ["alice", "pat", "carol", "erin", "nina"])
def test_it_is_only_for_supervisors(client, request, case, persona):
    login(client, request.getfixturevalue(persona))

    response = client.get(reverse("office_overview"))

    assert response.status_code == 404


def test_it_shows_the_office_figures(client, bob, alice, pat, case, make_case, other_office):
    make_case(identity={"full_name": "Joko Susilo", "category": "anak"})
    apk = make_user("andi", alice.office, Role.APK)
    Absence.objects.create(
        officer=pat,
        kind=AbsenceKind.SECONDED,
        starts_on=today() - dt.timedelta(days=3),
        seconded_to=other_office,
    )
    login(client, bob)

    response = client.get(reverse("office_overview"))

    assert response.status_code == 200
    overview = response.context["overview"]
    assert (overview.clients, overview.adults, overview.juveniles) == (2, 1, 1)
    assert overview.unassigned == 1
    assert overview.officers == 3
    assert overview.seconded_to == {"Bapas Kelas II OKU": 1}
    assert overview.active_officers == 2
    body = response.content.decode()
    assert "1 : 1" in body
    assert "Bapas Kelas II OKU" in body
    assert reverse("officer_caseload", args=[apk.public_id]) in body


def test_it_lists_each_officers_load_and_availability(client, dave, alice, pat, case):
    Absence.objects.create(officer=pat, kind=AbsenceKind.LEAVE, starts_on=today())
    login(client, dave)

    response = client.get(reverse("office_overview"))

    rows = {row.officer.username: row for row in response.context["officers"]}
    assert rows["alice"].officer.case_count == 1
    assert rows["alice"].absence is None
    assert rows["pat"].officer.case_count == 0
    assert rows["pat"].absence.kind == AbsenceKind.LEAVE
    assert reverse("officer_caseload", args=[alice.public_id]) in response.content.decode()
