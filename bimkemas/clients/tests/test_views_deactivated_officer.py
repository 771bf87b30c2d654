"""A deactivated officer's caseload page still opens: their open cases need a new officer."""

from django.urls import reverse

from bimkemas.testing import login


def deactivate(user):
    user.is_active = False
    user.save(update_fields=["is_active"])


def test_it_shows_a_deactivated_officers_open_cases_to_the_supervisor(client, bob, alice, case):
    deactivate(alice)
    login(client, bob)

    response = client.get(reverse("officer_caseload", args=[alice.public_id]))

    assert response.status_code == 200
    assert [row["case"] for row in response.context["rows"]] == [case]
    assert response.context["load"].case_count == 1
    assert "Account deactivated" in response.text


def test_it_answers_the_api_with_404_not_500(client, bob, alice, case):
    deactivate(alice)
    login(client, bob)

    response = client.get(f"/api/v1/officers/{alice.public_id}/caseload")

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}
