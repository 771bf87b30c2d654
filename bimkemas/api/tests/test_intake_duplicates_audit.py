"""The API's 409 for a possible duplicate shows the match's personal data: a recorded read."""

import datetime as dt

from bimkemas.api.tests.intake_payload import intake_payload
from bimkemas.audit.models import AuditAction, AuditEvent

BIRTH = dt.date(1990, 5, 17)


def test_the_api_409_records_a_read_of_each_match(api_as, carol, make_case, work_area, facility):
    existing = make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH}).client
    payload = intake_payload(
        work_area, facility, full_name="Muhamad Rizki", birth_date=str(BIRTH), nik=""
    )

    response = api_as(carol).post("/intake", payload)

    assert response.status_code == 409
    [event] = AuditEvent.objects.for_client(existing.pk).filter(action=AuditAction.VIEW)
    assert event.actor == carol
    assert event.channel == "api"
