import datetime as dt

import pytest
from django.http import Http404
from django.urls import reverse

from bimkemas.accounts.models import Role
from bimkemas.clients.access import get_case_for_user, get_client_for_user
from bimkemas.clients.models import CaseAccessGrant
from bimkemas.core.dates import today
from bimkemas.testing import login, make_user


def url(case) -> str:
    return reverse("case_grant", args=[case.public_id])


def test_a_granted_officer_can_read_but_not_change_the_client(client, bob, pat, case):
    login(client, bob)
    until = today() + dt.timedelta(days=14)
    response = client.post(url(case), {"officer": str(pat.public_id), "until": until})
    assert response.status_code == 302
    grant = CaseAccessGrant.objects.get()
    assert (grant.officer, grant.granted_by, grant.until) == (pat, bob, until)
    assert get_client_for_user(pat, case.client.public_id) == case.client
    assert get_case_for_user(pat, case.public_id) == case
    with pytest.raises(Http404):
        get_client_for_user(pat, case.client.public_id, write=True)


def test_it_offers_officers_of_the_office_except_the_case_officer(
    client, bob, alice, pat, erin, case
):
    login(client, bob)
    response = client.get(url(case))
    assert list(response.context["form"].fields["officer"].queryset) == [pat]
    response = client.post(url(case), {"officer": str(erin.public_id), "until": today()})
    assert response.status_code == 400
    assert not CaseAccessGrant.objects.exists()


def test_it_refuses_a_past_end_date(client, bob, pat, case):
    login(client, bob)
    response = client.post(
        url(case), {"officer": str(pat.public_id), "until": today() - dt.timedelta(days=1)}
    )
    assert response.status_code == 400
    assert "The end date is in the past." in response.text
    assert not CaseAccessGrant.objects.exists()


def test_it_lists_current_grants(client, bob, pat, case):
    login(client, bob)
    client.post(url(case), {"officer": str(pat.public_id), "until": today()})
    assert "Pat" in client.get(url(case)).text


@pytest.mark.parametrize("persona", ["alice", "carol", "erin", "nina"])
def test_only_supervisors_grant_access(client, request, persona, case, pat):
    login(client, request.getfixturevalue(persona))
    assert client.get(url(case)).status_code == 404
    response = client.post(url(case), {"officer": str(pat.public_id), "until": today()})
    assert response.status_code == 404
    assert not CaseAccessGrant.objects.exists()


def test_a_registrar_is_not_an_officer_to_grant(client, bob, carol, case, office):
    make_user("ratna", office, Role.REGISTRAR)
    login(client, bob)
    response = client.post(url(case), {"officer": str(carol.public_id), "until": today()})
    assert response.status_code == 400
