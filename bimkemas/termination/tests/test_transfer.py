import pytest

from bimkemas.accounts.models import Role, WorkArea
from bimkemas.audit.models import AuditEvent
from bimkemas.clients.access import get_case_for_user, get_client_for_user, visible_clients
from bimkemas.clients.models import CaseStatus, SupervisionCase
from bimkemas.clients.services import case_assign
from bimkemas.clients.stages import Stage
from bimkemas.core.errors import ApplicationError
from bimkemas.notifications.models import Notification
from bimkemas.termination.services import case_transfer
from bimkemas.testing import login, make_user
from bimkemas.tpp.selectors import confirmed_stage
from bimkemas.tpp.services import stage_override

pytestmark = pytest.mark.django_db


@pytest.fixture
def oku_area(other_office):
    return WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")


@pytest.fixture
def oscar(other_office):
    """Section head of OKU."""
    return make_user("oscar", other_office, Role.SUPERVISOR)


def test_transfer_hands_the_file_over(bob, case, other_office, oku_area, oscar, erin):
    termination = case_transfer(actor=bob, case=case, to_office=other_office, reason="Pindah")
    case.refresh_from_db()
    client = case.client
    client.refresh_from_db()
    new = termination.new_case
    assert case.status == CaseStatus.TRANSFERRED
    assert client.office == other_office and client.work_area == oku_area
    assert (new.office, new.status, new.officer) == (other_office, CaseStatus.RECEIVED, None)
    assert new.register_number.endswith("/OKU")
    assert new.sk_number == case.sk_number and new.guidance_end == case.guidance_end
    assert SupervisionCase.objects.unassigned().filter(office=other_office).get() == new
    # The receiving office's section head is told.
    assert Notification.objects.filter(recipient=oscar, purpose_key__startswith="case-trans")
    # It sees the whole history; the sending office no longer sees the client.
    assert set(visible_clients(oscar)) == {client}
    assert get_client_for_user(oscar, client.public_id).cases.count() == 2
    assert not visible_clients(bob).filter(pk=client.pk).exists()
    # The sending office's audit rows remain, with its office.
    assert AuditEvent.objects.filter(
        client_pk=client.pk, office=case.office, summary__contains="handed over"
    ).exists()


def test_the_receiving_office_assigns_and_sees_pages(
    bob, case, other_office, oku_area, oscar, erin, client
):
    termination = case_transfer(actor=bob, case=case, to_office=other_office, reason="Pindah")
    new = case_assign(actor=oscar, case=termination.new_case, officer=erin)
    assert new.status == CaseStatus.ACTIVE
    login(client, oscar)
    assert client.get(f"/clients/{case.client.public_id}/").status_code == 200
    assert get_case_for_user(oscar, case.public_id) == case  # the earlier case, read-only
    log = client.get(f"/clients/{case.client.public_id}/log/")
    assert "handed over" in log.content.decode()
    login(client, bob)
    assert client.get(f"/clients/{case.client.public_id}/").status_code == 404
    assert client.get(f"/cases/{case.public_id}/terminate/").status_code == 404


def test_the_confirmed_stage_goes_along(bob, case, other_office, oku_area):
    stage_override(
        actor=bob, case=case, to_stage=Stage.LANJUTAN, reason="Sidang TPP 3 Maret 2026 di luar"
    )
    termination = case_transfer(actor=bob, case=case, to_office=other_office, reason="Pindah")
    assert confirmed_stage(termination.new_case) == Stage.LANJUTAN


def test_transfer_needs_another_office_with_a_work_area(bob, case, office, other_office):
    with pytest.raises(ApplicationError) as error:
        case_transfer(actor=bob, case=case, to_office=office, reason="x")
    assert "to_office" in error.value.errors
    with pytest.raises(ApplicationError) as error:
        case_transfer(actor=bob, case=case, to_office=other_office, reason="x")
    assert "work_area" in error.value.errors
    case.refresh_from_db()
    assert case.is_open


def test_transfer_needs_a_reason(bob, case, other_office, oku_area):
    with pytest.raises(ApplicationError) as error:
        case_transfer(actor=bob, case=case, to_office=other_office, reason="  ")
    assert "reason" in error.value.errors


def test_a_pk_cannot_transfer(alice, case, other_office, oku_area):
    with pytest.raises(ApplicationError):
        case_transfer(actor=alice, case=case, to_office=other_office, reason="Pindah")
