import datetime as dt
import uuid

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bimkemas.portal.tests.conftest import activate, sign_in_form
from bimkemas.reporting.models import Channel, CheckIn, Concern
from bimkemas.testing import png_upload

JSON = {"HTTP_ACCEPT": "application/json"}


def report(**extra) -> dict:
    return {
        "condition": "good",
        "activity": "Bekerja di bengkel",
        "plans": "Ikut pengajian",
        "needs": ["work"],
        "latitude": "-2.976074",
        "longitude": "104.775429",
        "accuracy": "18",
        "key": str(uuid.uuid4()),
        **extra,
    }


def test_it_records_a_self_check_in_and_shows_the_done_page(phone, case):
    response = phone.post(reverse("portal:checkin"), report(selfie=png_upload("selfie.png")))

    checkin = CheckIn.objects.get()
    assert response["Location"] == reverse("portal:done", args=[checkin.public_id])
    assert checkin.case == case and checkin.channel == Channel.APP
    assert checkin.answers["condition"] == "good"
    assert checkin.accuracy_m == 18 and checkin.selfie
    assert phone.get(response["Location"]).status_code == 200


def test_it_records_a_concern_for_the_officer(phone):
    phone.post(reverse("portal:checkin"), report(condition="struggling", wants_call_back="on"))

    checkin = CheckIn.objects.get()
    assert Concern.STRUGGLING in checkin.concerns and Concern.CALL_BACK in checkin.concerns


def test_it_makes_one_record_of_a_report_sent_twice(phone):
    data = report(filled_at=timezone.now().isoformat())

    first = phone.post(reverse("portal:checkin"), data, **JSON)
    second = phone.post(reverse("portal:checkin"), data, **JSON)

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert CheckIn.objects.count() == 1


def test_a_form_sent_again_without_the_script_keeps_the_first_report(phone):
    data = report()
    first = phone.post(reverse("portal:checkin"), data)

    again = phone.post(reverse("portal:checkin"), {**data, "plans": "Lain"})

    assert again["Location"] == first["Location"]
    assert CheckIn.objects.get().answers["plans"] == "Ikut pengajian"


def test_it_keeps_the_time_a_queued_report_was_filled_in(phone):
    filled = timezone.now() - dt.timedelta(hours=20)
    phone.post(reverse("portal:checkin"), report(filled_at=filled.isoformat()), **JSON)

    assert CheckIn.objects.get().occurred_at == filled.replace(microsecond=filled.microsecond)


def test_it_does_not_let_the_phones_clock_move_a_report_back_weeks(phone):
    long_ago = timezone.now() - dt.timedelta(days=20)
    phone.post(reverse("portal:checkin"), report(filled_at=long_ago.isoformat()), **JSON)

    assert CheckIn.objects.get().occurred_at > timezone.now() - dt.timedelta(minutes=1)


def test_it_answers_the_phones_queue_in_json(phone):
    response = phone.post(reverse("portal:checkin"), report(condition=""), **JSON)

    assert response.status_code == 400
    assert "condition" in response.json()["errors"]
    assert not CheckIn.objects.exists()


def test_it_refuses_more_than_three_photos(phone):
    photos = [png_upload(f"foto{i}.png") for i in range(4)]

    response = phone.post(reverse("portal:checkin"), report(photos=photos), **JSON)

    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_it_refuses_a_file_that_is_not_a_photo(phone):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("selfie.jpg", b"MZ not a picture", content_type="image/jpeg")

    response = phone.post(reverse("portal:checkin"), report(selfie=fake), **JSON)

    assert response.status_code == 400
    assert not CheckIn.objects.exists()


def test_a_signed_out_queue_gets_401_not_a_redirect(client):
    response = client.post(reverse("portal:checkin"), report(), **JSON)

    assert response.status_code == 401


def test_it_refuses_a_queued_report_of_someone_else(phone):
    response = phone.post(reverse("portal:checkin"), report(owner=str(uuid.uuid4())), **JSON)

    assert response.status_code == 409
    assert not CheckIn.objects.exists()


def test_a_client_never_sees_another_clients_report(phone, make_case, alice, pat):
    other_case = make_case(officer=pat, identity={"full_name": "Andi Wijaya"})
    activate(other_case, pat, pin="739164")
    other = Client()
    other.post(reverse("portal:sign_in"), sign_in_form(other_case, pin="739164"))
    other.post(reverse("portal:checkin"), report())
    theirs = CheckIn.objects.get()

    assert theirs.case == other_case
    assert phone.get(reverse("portal:done", args=[theirs.public_id])).status_code == 404


def test_it_gives_the_queue_a_fresh_csrf_token(phone, access):
    response = phone.get(reverse("portal:csrf_token"), **JSON)

    assert response.json()["owner"] == str(access.public_id)
    assert response.json()["csrf"]
