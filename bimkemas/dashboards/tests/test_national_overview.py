import pytest
from django.urls import reverse

from bimkemas.accounts.models import Office, Role
from bimkemas.testing import login, make_user


@pytest.mark.parametrize("persona", ["alice", "bob", "dave", "carol", "erin"])
def test_it_is_only_for_national_viewers(client, request, case, persona):
    login(client, request.getfixturevalue(persona))

    response = client.get(reverse("national_overview"))

    assert response.status_code == 404


def test_it_shows_numbers_per_office_without_names(client, nina, alice, pat, case, erin):
    login(client, nina)

    response = client.get(reverse("national_overview"))

    assert response.status_code == 200
    rows = {row.office.code: row for row in response.context["rows"]}
    assert (rows["plg"].clients, rows["plg"].active_officers, rows["plg"].ratio) == (1, 2, 0)
    assert (rows["oku"].clients, rows["oku"].active_officers, rows["oku"].ratio) == (0, 1, 0)
    assert response.context["totals"].clients == 1
    assert response.context["totals"].active_officers == 3
    body = response.content.decode()
    assert "Bapas Kelas I Palembang" in body
    assert case.client.full_name not in body


def test_it_uses_a_fixed_number_of_queries(client, nina, office, django_assert_max_num_queries):
    for number in range(30):
        other = Office.objects.create(code=f"x{number}", name=f"Bapas {number}", office_class="II")
        make_user(f"pk{number}", other, Role.PK)
    login(client, nina)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("national_overview"))

    assert len(response.context["rows"]) == 31
