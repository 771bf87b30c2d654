"""violations_open_by_rule: a rule's finding opens one violation, audited, whatever the repeats."""

import datetime as dt

from django.contrib.auth import get_user_model

from bimkemas.audit.models import AuditEvent
from bimkemas.testing import login
from bimkemas.violations.models import Violation
from bimkemas.violations.services import RuleFinding, violation_open_by_rule


def finding(case, key="missed:2026-03-01") -> RuleFinding:
    return RuleFinding(
        case_id=case.pk,
        client_id=case.client_id,
        kind="three_misses",
        source="reporting",
        source_key=key,
        occurred_on=dt.date(2026, 3, 31),
        summary="3 reports missed in a row",
    )


def test_it_opens_a_violation_for_the_officers_decision(case):
    violation = violation_open_by_rule(finding=finding(case))

    assert violation is not None
    assert (violation.case, violation.status, violation.opened_by) == (case, "open", None)
    event = AuditEvent.objects.get(object_id=str(violation.public_id))
    assert (event.action, event.client_pk) == ("create", case.client_id)


def test_it_opens_a_finding_once(case):
    violation_open_by_rule(finding=finding(case))

    assert violation_open_by_rule(finding=finding(case)) is None
    assert Violation.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="violation").count() == 1


def test_it_opens_another_for_another_key(case):
    violation_open_by_rule(finding=finding(case))
    violation_open_by_rule(finding=finding(case, key="missed:2026-06-01"))

    assert Violation.objects.count() == 2


def test_it_lists_violations_read_only_in_the_admin(case, client):
    violation_open_by_rule(finding=finding(case))
    admin = get_user_model().objects.create_superuser("root", password="rahasia-uji-123")
    login(client, admin)

    listing = client.get("/admin/violations/violation/")

    assert listing.status_code == 200
    assert case.register_number in listing.content.decode()
    assert client.get("/admin/violations/violation/add/").status_code == 403
