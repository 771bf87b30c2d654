"""The assign page puts the proposal and its button first, and the other officers behind a
search that works with or without JavaScript."""

import pytest
from django.urls import reverse

from bimkemas.accounts.models import Role
from bimkemas.testing import login, make_user


def url(case, **query) -> str:
    path = reverse("case_assign", args=[case.public_id])
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def new_case(make_case):
    return make_case(identity={"full_name": "Andi Wijaya", "nik": None})


def test_the_proposal_and_its_button_come_before_the_other_officers(client, bob, pat, new_case):
    login(client, bob)
    body = client.get(url(new_case)).content.decode()

    proposal = body.index('id="proposal"')
    one_click = body.index(f'<input type="hidden" name="officer" value="{pat.public_id}">')
    button = body.index("Assign to Pat")
    others = body.index('id="officer-list"')
    assert proposal < one_click < button < others


def test_accepting_the_proposal_is_one_post(client, bob, pat, new_case):
    login(client, bob)
    response = client.post(url(new_case), {"officer": str(pat.public_id)})
    assert response.status_code == 302
    new_case.refresh_from_db()
    assert new_case.officer == pat


def test_the_search_narrows_the_list_without_javascript(client, bob, alice, pat, new_case, office):
    make_user("olga", office, Role.PK, rank="madya", last_name="Pratiwi")
    login(client, bob)

    response = client.get(url(new_case, q="olga"))

    names = [row["officer"].username for row in response.context["rows"]]
    assert names == ["olga"]
    body = response.content.decode()
    assert 'name="q"' in body and 'value="olga"' in body
    assert "1 of 3 available officer shown" in body


def test_the_search_box_is_labelled_and_the_filter_script_is_static(client, bob, new_case, pat):
    login(client, bob)
    body = client.get(url(new_case)).content.decode()
    assert '<label class="form-label" for="officer-filter">' in body
    assert 'src="/static/js/officer-filter.js"' in body
    assert "<script>" not in body


def test_a_reassignment_asks_the_reason_next_to_the_proposal(client, bob, alice, pat, case):
    login(client, bob)
    body = client.get(url(case)).content.decode()
    assert body.index('id="proposal-reason"') < body.index("Reassign to Pat")
