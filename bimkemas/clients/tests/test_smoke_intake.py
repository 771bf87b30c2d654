from bimkemas.clients.models import CaseStatus


def test_it_registers_and_assigns_a_client(case, alice):
    assert case.status == CaseStatus.ACTIVE
    assert case.officer == alice
    assert case.register_number.startswith("0001/PB/D/")
