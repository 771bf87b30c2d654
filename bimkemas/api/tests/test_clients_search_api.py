"""GET /api/v1/clients?q= finds part of a register number or of a NIK, as the list page does."""


def found(api, q) -> list[str]:
    response = api.get("/clients", q=q, status="all")
    assert response.status_code == 200
    return [row["full_name"] for row in response.json()["results"]]


def test_it_finds_part_of_a_register_number(api_as, carol, make_case):
    case = make_case()
    make_case(identity={"full_name": "Joko Susilo"})
    api = api_as(carol)

    assert found(api, case.register_number[:7]) == ["Budi Santoso"]  # "0001/PB"


def test_it_finds_part_of_a_nik(api_as, carol, make_case):
    case = make_case()
    make_case(identity={"full_name": "Joko Susilo"})

    assert found(api_as(carol), case.client.nik[8:]) == ["Budi Santoso"]
