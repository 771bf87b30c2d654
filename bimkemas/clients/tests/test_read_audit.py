"""Every page and answer that shows a client's personal data leaves a read in that client's
access log (UU 27/2022: criminal records and children's data are specific personal data)."""

import pytest
from django.urls import reverse

from bimkemas.accounts.models import Role
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.testing import login, make_user


def reads_of(client, actor) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            client_pk=client.pk,
            actor=actor,
            action__in=[AuditAction.VIEW, AuditAction.LIST],
        )
    )


@pytest.mark.parametrize("page", ["case_edit", "case_assign", "case_close", "case_grant"])
def test_it_logs_a_read_when_a_case_form_is_shown(client, bob, case, page):
    login(client, bob)
    assert client.get(reverse(page, args=[case.public_id])).status_code == 200
    (event,) = reads_of(case.client, bob)
    assert (event.action, event.object_type) == (AuditAction.VIEW, "supervisioncase")


def test_it_logs_a_read_when_the_client_edit_form_is_shown(client, alice, case):
    login(client, alice)
    assert client.get(reverse("client_edit", args=[case.client.public_id])).status_code == 200
    (event,) = reads_of(case.client, alice)
    assert event.summary == "Edit form"


def test_it_logs_a_read_of_the_access_log_itself(client, bob, case):
    login(client, bob)
    url = reverse("client_access_log", args=[case.client.public_id])
    assert client.get(url).status_code == 200
    (event,) = reads_of(case.client, bob)
    assert event.summary == "Access log"


def test_it_logs_the_query_and_each_client_a_search_showed(client, bob, make_case, alice):
    shown = make_case(officer=alice, identity={"full_name": "Rahmat Hidayat"})
    hidden = make_case(officer=alice, identity={"full_name": "Siti Nurhaliza"})
    login(client, bob)
    assert client.get(reverse("client_list"), {"q": "rahmat"}).status_code == 200
    (event,) = reads_of(shown.client, bob)
    assert (event.action, event.summary) == (AuditAction.LIST, "Client list: q=rahmat")
    assert reads_of(hidden.client, bob) == []


def test_it_logs_the_clients_of_an_officers_caseload(client, bob, alice, case):
    login(client, bob)
    assert client.get(reverse("officer_caseload", args=[alice.public_id])).status_code == 200
    (event,) = reads_of(case.client, bob)
    assert event.action == AuditAction.LIST


def test_it_logs_a_read_when_the_admin_lists_audit_rows(client, office, case):
    admin = make_user("root", office, Role.SUPERVISOR, is_staff=True, is_superuser=True)
    login(client, admin)
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    (event,) = reads_of(case.client, admin)
    assert event.summary == "Audit log (admin)"


def test_it_logs_a_read_when_the_admin_opens_an_audit_row(client, office, case):
    admin = make_user("root", office, Role.SUPERVISOR, is_staff=True, is_superuser=True)
    shown = AuditEvent.objects.filter(client_pk=case.client.pk).first()
    login(client, admin)
    url = reverse("admin:audit_auditevent_change", args=[shown.pk])
    assert client.get(url).status_code == 200
    (event,) = reads_of(case.client, admin)
    assert event.object_id == str(shown.pk)


def test_it_logs_each_client_the_home_page_names(client, alice, bob, make_case):
    new = make_case(officer=alice, identity={"full_name": "Rahmat Hidayat"})
    login(client, alice)

    assert client.get(reverse("dashboard")).status_code == 200

    (event,) = reads_of(new.client, alice)
    assert (event.action, event.summary) == (AuditAction.LIST, "Home page")


def test_it_logs_the_unassigned_clients_a_supervisors_home_page_names(client, bob, make_case):
    waiting = make_case()
    login(client, bob)

    assert client.get(reverse("dashboard")).status_code == 200

    (event,) = reads_of(waiting.client, bob)
    assert event.action == AuditAction.LIST


def test_it_logs_the_recent_intakes_a_registrars_home_page_names(client, carol, make_case):
    taken_in = make_case()
    login(client, carol)

    assert client.get(reverse("dashboard")).status_code == 200

    assert [event.action for event in reads_of(taken_in.client, carol)] == [AuditAction.LIST]
