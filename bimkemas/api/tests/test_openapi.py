from django.test import Client


def test_the_schema_is_served_and_lists_v1_paths(db):
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"] == {
        "title": "bimkemas API",
        "version": "1",
        "description": schema["info"]["description"],
    }
    assert "/api/v1/clients" in schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_every_operation_declares_its_errors(db):
    schema = Client().get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            if path == "/api/v1/auth/token":
                expected = {"401", "403"}
            elif "security" not in operation:  # public: nobody is refused for lack of a sign-in
                expected = {"422"}
            else:
                expected = {"401", "422"}
            assert expected <= codes, (method, path)


def test_the_docs_page_is_served(db):
    assert Client().get("/api/docs").status_code == 200
