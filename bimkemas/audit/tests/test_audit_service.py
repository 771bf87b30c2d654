"""The audit service: JSON-safe snapshots, old → new changes, where a write came from."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from bimkemas.audit.context import request_origin
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.audit.services import audit_client_view, audit_record, changes_between, snapshot
from bimkemas.clients.models import Client
from bimkemas.clients.services import CASE_AUDITED_FIELDS, CLIENT_AUDITED_FIELDS, client_update
from bimkemas.testing import login, make_nik


@pytest.fixture
def origin():
    """Pretend to be inside a request from 10.0.0.7 on the API."""
    token = request_origin.set(("10.0.0.7", "api"))
    yield
    request_origin.reset(token)


def test_it_lists_only_the_fields_that_changed():
    before = {"a": 1, "b": "x", "c": None}
    after = {"a": 1, "b": "y", "c": "z"}
    assert changes_between(before, after) == {"b": ["x", "y"], "c": [None, "z"]}


def test_it_lists_every_field_of_a_new_record():
    assert changes_between({}, {"a": 1, "b": None}) == {"a": [None, 1]}


def test_it_lists_nothing_when_nothing_changed():
    assert changes_between({"a": 1}, {"a": 1}) == {}


def test_it_snapshots_dates_decimals_and_foreign_keys_as_json(case):
    values = snapshot(case, CASE_AUDITED_FIELDS)
    assert values["guidance_start"] == case.guidance_start.isoformat()
    assert values["programme"] == "PB — Pembebasan Bersyarat"  # str(): code and name
    assert values["officer"] == "Alice"
    assert values["aftercare_until"] is None
    assert values["sentence_years"] == 4
    assert snapshot(case.office, ["stage_awal_end"]) == {"stage_awal_end": "0.250"}
    assert json.loads(json.dumps(values)) == values
    client_values = snapshot(case.client, CLIENT_AUDITED_FIELDS)
    assert client_values["work_area"] == "Kota Palembang"
    assert json.loads(json.dumps(client_values)) == client_values


def test_it_records_the_actor_object_and_client(case, bob):
    event = audit_record(
        actor=bob, action=AuditAction.UPDATE, obj=case, client=case.client, summary="x" * 400
    )
    event.refresh_from_db()
    assert (event.actor, event.client_pk, event.office) == (bob, case.client.pk, case.office)
    assert (event.object_type, event.object_id) == ("supervisioncase", str(case.public_id))
    assert len(event.summary) == 300
    assert event.changes == {}


def test_it_records_where_the_request_came_from(case, bob, origin):
    event = audit_client_view(actor=bob, client=case.client, what="detail")
    event.refresh_from_db()
    assert (event.ip_address, event.channel) == ("10.0.0.7", "api")
    assert event.action == AuditAction.VIEW


def test_it_marks_writes_outside_a_request_as_system(case, bob):
    event = audit_record(actor=bob, action=AuditAction.VIEW, obj=case.client, client=case.client)
    assert (event.ip_address, event.channel) == (None, "system")


def test_it_audits_each_changed_field_of_a_client(case, bob, other_area, origin):
    before_count = AuditEvent.objects.count()
    client_update(
        actor=bob,
        client=case.client,
        data={
            "full_name": "Budi  Santoso Bin Sarno",
            "birth_place": "Prabumulih",
            "work_area": other_area,
            "rt": "003",  # unchanged
        },
    )
    assert AuditEvent.objects.count() == before_count + 1
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE).get()
    assert event.changes == {
        "full_name": ["Budi Santoso", "Budi Santoso Bin Sarno"],
        "birth_place": ["Palembang", "Prabumulih"],
        "work_area": ["Kota Palembang", "Kab. Banyuasin"],
    }
    assert (event.actor, event.client_pk, event.channel) == (bob, case.client_id, "api")
    client = Client.objects.get(pk=case.client_id)
    assert client.full_name == "Budi Santoso Bin Sarno"


def test_it_audits_a_changed_birth_date_as_text(case, bob):
    born = dt.date(1991, 1, 2)
    client_update(actor=bob, client=case.client, data={"birth_date": born, "nik": make_nik(born)})
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE).get()
    assert event.changes["birth_date"] == ["1990-05-17", "1991-01-02"]


def test_it_writes_nothing_when_nothing_changed(case, bob):
    before = AuditEvent.objects.count()
    updated_at = Client.objects.get(pk=case.client_id).updated_at
    client_update(
        actor=bob,
        client=case.client,
        data={"full_name": " Budi   Santoso ", "kelurahan": case.client.kelurahan},
    )
    assert AuditEvent.objects.count() == before
    assert Client.objects.get(pk=case.client_id).updated_at == updated_at


def test_it_records_the_address_the_trusted_proxy_vouches_for(client, settings, alice, case):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    login(client, alice)
    url = reverse("client_detail", args=[case.client.public_id])

    client.get(url, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")

    event = AuditEvent.objects.filter(action=AuditAction.VIEW, actor=alice).latest("pk")
    assert event.ip_address == "203.0.113.9"
