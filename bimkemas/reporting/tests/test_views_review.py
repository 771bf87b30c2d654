"""The review queue: an officer's pending check-ins, marked reviewed with or without htmx;
the selfie is served only to readers of the client, as an audited download."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bimkemas.audit.models import AuditEvent
from bimkemas.reporting.models import CheckIn, ClientAccess
from bimkemas.reporting.services.checkins import checkin_record, checkin_submit_self
from bimkemas.testing import PNG_BYTES, login

URL = "/reporting/review/"


def self_checkin(case):
    access = ClientAccess.objects.create(client=case.client)
    selfie = SimpleUploadedFile("selfie.png", PNG_BYTES, content_type="image/png")
    return checkin_submit_self(
        access=access,
        case=case,
        occurred_at=timezone.now(),
        answers={"condition": "struggling"},
        selfie=selfie,
    )


def test_the_officer_sees_concerns_and_marks_reviewed(client, alice, case):
    checkin = self_checkin(case)
    assert checkin.concerns == ["struggling", "no_location"]
    login(client, alice)
    html = client.get(URL).content.decode()
    assert "Budi Santoso" in html
    assert "Says they are struggling" in html
    response = client.post(f"{URL}{checkin.public_id}/", {"note": "Sudah ditelepon"}, follow=True)
    assert "reviewed" in response.content.decode()
    checkin.refresh_from_db()
    assert (checkin.review_status, checkin.reviewed_by, checkin.review_note) == (
        "reviewed",
        alice,
        "Sudah ditelepon",
    )


def test_htmx_gets_the_item_back(client, bob, case):
    checkin = self_checkin(case)
    login(client, bob)
    response = client.post(
        f"{URL}{checkin.public_id}/", {"note": ""}, headers={"HX-Request": "true"}
    )
    assert "<html" not in response.content.decode()
    assert "Reviewed" in response.content.decode()


def test_another_officer_sees_nothing(client, pat, case):
    self_checkin(case)
    login(client, pat)
    assert "Budi Santoso" not in client.get(URL).content.decode()


def test_a_staff_record_without_concern_is_not_queued(client, alice, case):
    checkin_record(actor=alice, case=case, channel="phone", occurred_at=timezone.now())
    login(client, alice)
    assert "Nothing to review." in client.get(URL).content.decode()


def test_the_selfie_is_an_audited_download_for_readers_only(client, alice, erin, case):
    checkin = self_checkin(case)
    login(client, alice)
    response = client.get(f"/reporting/checkins/{checkin.public_id}/selfie/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG_BYTES
    assert AuditEvent.objects.filter(action="download", client_pk=case.client.pk).exists()
    login(client, erin)
    assert client.get(f"/reporting/checkins/{checkin.public_id}/selfie/").status_code == 404
    assert CheckIn.objects.count() == 1
