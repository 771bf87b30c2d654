"""The parts of a sentence have one set of limits (clients.models.SENTENCE_LIMITS), kept by
the intake form, the correction form and the API alike."""

import pytest
from django.urls import reverse

from bimkemas.clients.models import SENTENCE_LIMITS, SupervisionCase
from bimkemas.clients.tests.test_intake_keeps_uploads import form_data
from bimkemas.testing import login

URL = reverse("intake")


@pytest.mark.parametrize("field", SENTENCE_LIMITS)
def test_the_intake_form_refuses_more_than_the_limit(client, carol, work_area, pb, facility, field):
    login(client, carol)
    data = form_data(work_area, pb, facility, **{field: SENTENCE_LIMITS[field] + 1})

    response = client.post(URL, data)

    assert response.status_code == 400
    assert SupervisionCase.objects.count() == 0


def test_the_intake_form_refuses_a_99_billion_year_sentence(client, carol, work_area, pb, facility):
    login(client, carol)

    response = client.post(URL, form_data(work_area, pb, facility, sentence_years=99_999_999_999))

    assert response.status_code == 400
    assert SupervisionCase.objects.count() == 0


def test_the_intake_form_accepts_the_limit(client, carol, work_area, pb, facility):
    login(client, carol)
    data = form_data(work_area, pb, facility, confirm_new_person="on", **SENTENCE_LIMITS)

    response = client.post(URL, data)

    assert response.status_code == 302
    assert SupervisionCase.objects.get().sentence_years == SENTENCE_LIMITS["sentence_years"]


def test_the_form_tells_the_browser_the_limit(client, carol, work_area):
    login(client, carol)

    response = client.get(URL)

    assert f'max="{SENTENCE_LIMITS["sentence_years"]}"' in response.text
