"""The intake form keeps the files already attached when it comes back for a decision (a
possible duplicate) or a correction, since a browser cannot refill a file input."""

import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from bimkemas.clients.models import Client, SupervisionCase
from bimkemas.clients.uploads import STAGING_DIR, purge_expired_staging
from bimkemas.testing import case_data, identity_data, login, pdf_upload, png_upload

URL = reverse("intake")
BIRTH = dt.date(1988, 3, 9)


def form_data(work_area, programme, facility, **overrides) -> dict:
    identity = identity_data(work_area, birth_date=BIRTH, nik="", full_name="Muhamad Rizki")
    case = case_data(programme, facility)
    data = {
        **{k: v for k, v in identity.items() if k != "work_area"},
        **{k: v for k, v in case.items() if k not in ("programme", "origin_facility")},
        "work_area": work_area.pk,
        "programme": programme.pk,
        "origin_facility": facility.pk,
        "sentence_months": 0,
        "sentence_days": 0,
        "phone0-number": "0812-7111-2222",
        "guarantor-name": "Siti Aminah",
        "guarantor-relation": "Istri",
    }
    data.update(overrides)
    return data


def token_of(response) -> str:
    match = re.search(r'name="intake_token" value="([^"]+)"', response.text)
    assert match is not None
    return match.group(1)


def staging_root() -> Path:
    return Path(settings.MEDIA_ROOT) / STAGING_DIR


@pytest.fixture
def data(work_area, pb, facility, make_case):
    # Someone with a similar name and the same birth date: the form asks before registering.
    make_case(identity={"full_name": "Muhammad Rizky", "birth_date": BIRTH, "nik": None})
    return form_data(work_area, pb, facility)


def test_it_keeps_the_files_across_the_duplicate_question(client, carol, data):
    login(client, carol)
    token = token_of(client.get(URL))
    files = {"sk": pdf_upload("sk.pdf"), "photo_front": png_upload("depan.png")}

    asked = client.post(URL, {**data, "intake_token": token, **files})
    assert "This person may already be registered" in asked.text
    assert "The 2 files you attached are kept" in asked.text
    assert "depan.png" in asked.text

    confirmed = client.post(
        URL, {**data, "intake_token": token_of(asked), "confirm_new_person": "on"}
    )

    assert confirmed.status_code == 302
    person = Client.objects.get(full_name="Muhamad Rizki")
    case = SupervisionCase.objects.get(client=person)
    assert sorted(case.documents.values_list("kind", flat=True)) == ["photo_front", "sk"]
    assert person.photo is not None
    assert not (staging_root() / token).exists()


def test_it_keeps_the_files_when_another_field_is_wrong(client, carol, data):
    login(client, carol)
    token = token_of(client.get(URL))

    wrong = client.post(URL, {**data, "intake_token": token, "nik": "123", "sk": pdf_upload()})
    assert wrong.status_code == 400
    assert "The file you attached is kept" in wrong.text

    fixed = {**data, "intake_token": token, "confirm_new_person": "on"}
    assert client.post(URL, fixed).status_code == 302
    assert SupervisionCase.objects.get(client__full_name="Muhamad Rizki").documents.count() == 1


def test_a_kept_file_can_be_removed(client, carol, data):
    login(client, carol)
    token = token_of(client.get(URL))
    client.post(
        URL, {**data, "intake_token": token, "sk": pdf_upload(), "lpp": pdf_upload("l.pdf")}
    )

    client.post(URL, {**data, "intake_token": token, "confirm_new_person": "on", "unstage": "lpp"})

    case = SupervisionCase.objects.get(client__full_name="Muhamad Rizki")
    assert list(case.documents.values_list("kind", flat=True)) == ["sk"]


def test_another_session_cannot_use_the_kept_files(client, carol, bob, data):
    from django.test import Client as Browser

    login(client, carol)
    token = token_of(client.get(URL))
    client.post(URL, {**data, "intake_token": token, "sk": pdf_upload()})

    other = Browser()
    login(other, bob)
    response = other.post(URL, {**data, "intake_token": token, "confirm_new_person": "on"})

    assert response.status_code == 302
    case = SupervisionCase.objects.get(client__full_name="Muhamad Rizki")
    assert case.documents.count() == 0
    assert (staging_root() / token).exists()


def test_kept_files_expire_after_a_day(client, carol, data):
    login(client, carol)
    token = token_of(client.get(URL))
    client.post(URL, {**data, "intake_token": token, "sk": pdf_upload()})
    folder = staging_root() / token
    day_ago = time.time() - 24 * 3600 - 60
    os.utime(folder, (day_ago, day_ago))

    assert purge_expired_staging() == 1
    assert not folder.exists()
