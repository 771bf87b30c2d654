"""Showing a possible duplicate at intake (its name, birth date, address, register number) is a
read of that client's personal data, recorded in the client's access log."""

import datetime as dt

from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.testing import login

BIRTH = dt.date(1990, 5, 17)


def views_of(client) -> list[AuditEvent]:
    return list(AuditEvent.objects.for_client(client.pk).filter(action=AuditAction.VIEW))


def test_the_live_check_records_a_read_of_each_match_shown(client, carol, make_case):
    existing = make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH}).client
    login(client, carol)

    response = client.post(
        reverse("intake_check"),
        {"full_name": "Muhamad Rizki", "birth_date": BIRTH.isoformat(), "nik": ""},
    )

    assert existing.full_name in response.text
    [event] = views_of(existing)
    assert event.actor == carol
    assert event.object_id == str(existing.public_id)


def test_the_live_check_records_nothing_without_matches(client, carol, make_case):
    existing = make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH}).client
    login(client, carol)

    client.post(reverse("intake_check"), {"full_name": "Joko Widodo", "birth_date": "1961-06-21"})

    assert views_of(existing) == []
