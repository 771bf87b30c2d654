"""What is due: the registry composes every app's rule per case, and the page, the work items
and the API show a user only the cases in their charge."""

import datetime as dt

from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.dues import due_rows, due_work_items
from bimkemas.core.dates import today
from bimkemas.core.due import dues_for


def test_it_groups_every_rules_answers_per_case_in_the_rules_order(due_rules, case):
    from bimkemas.clients.models import SupervisionCase

    day = today()
    dues = dues_for(SupervisionCase.objects.all(), day)

    kinds = [due.kind for due in dues[case.pk]]
    assert kinds == (["test.plan", "test.visit"] if case.pk % 2 == 0 else ["test.plan"])
    assert dues[case.pk][0].due_on == case.guidance_start + dt.timedelta(days=3)


def test_it_runs_only_the_kinds_asked_for(due_rules, case):
    from bimkemas.clients.models import SupervisionCase

    dues = dues_for(SupervisionCase.objects.all(), today(), ["test.visit"])

    assert all(due.kind == "test.visit" for per_case in dues.values() for due in per_case)


def test_an_officer_sees_only_their_own_caseload(due_rules, case, pat, make_case, alice):
    make_case(officer=pat, identity={"full_name": "Andi Wijaya"})

    rows = due_rows(alice, today())

    assert [row.case for row in rows] == [case]


def test_a_supervisor_sees_the_office_and_may_narrow_to_one_officer(
    due_rules, case, pat, make_case, bob, alice
):
    other = make_case(officer=pat, identity={"full_name": "Andi Wijaya"})

    assert {row.case for row in due_rows(bob, today())} == {case, other}
    assert [row.case for row in due_rows(bob, today(), officer=pat)] == [other]


def test_overdue_only_keeps_items_whose_date_has_passed(due_rules, case, alice):
    day = case.guidance_start + dt.timedelta(days=10)

    rows = due_rows(alice, day, overdue_only=True)

    assert [due.kind for row in rows for due in row.items] == ["test.plan"]


def test_a_rule_becomes_a_work_item_group_with_the_total_and_urgency(due_rules, case, alice):
    day = case.guidance_start + dt.timedelta(days=10)

    [group] = due_work_items(alice, day, "test.plan")

    assert group.total == 1
    assert group.items[0].urgency == "overdue"
    assert group.items[0].client_id == case.client.public_id
    assert group.see_all_url == reverse("due_list") + "?kind=test.plan"


def test_the_page_lists_the_officers_clients_and_audits_the_read(due_rules, client, alice, case):
    client.force_login(alice)

    response = client.get(reverse("due_list"))

    assert response.status_code == 200
    assert case.client.full_name in response.content.decode()
    assert AuditEvent.objects.filter(
        actor_id=alice.pk, action=AuditAction.LIST, client_pk=case.client.pk
    ).exists()


def test_the_page_is_not_for_an_officer_of_another_bapas(due_rules, client, erin, case):
    client.force_login(erin)

    response = client.get(reverse("due_list"))

    assert response.status_code == 200
    assert case.client.full_name not in response.content.decode()


def test_the_page_refuses_the_national_viewer_and_the_registrar(due_rules, client, nina, carol):
    for user in (nina, carol):
        client.force_login(user)
        assert client.get(reverse("due_list")).status_code == 404


def test_a_supervisors_home_page_leaves_the_dues_to_the_officers_and_to_due(due_rules, case, bob):
    assert due_work_items(bob, today(), "test.plan") == []
