"""GET /me/due and /due-kinds: what is due per case in the caller's charge."""


def test_the_api_lists_what_is_due_per_case(due_rules, api_as, alice, case):
    response = api_as(alice).get("/me/due?kind=test.plan")

    assert response.status_code == 200
    [row] = response.json()
    assert row["register_number"] == case.register_number
    assert [item["kind"] for item in row["items"]] == ["test.plan"]


def test_the_api_names_the_kinds(due_rules, api_as, alice):
    response = api_as(alice).get("/due-kinds")

    assert response.json() == [
        {"code": "test.plan", "label": "Plan"},
        {"code": "test.visit", "label": "Visit"},
    ]
