"""A self check-in's distance from the client's home, once the officer has recorded where the
home is; far from home sends it to the officer's review queue."""

from decimal import Decimal

from django.utils import timezone

from bimkemas.clients.services import client_update
from bimkemas.portal.tests.conftest import activate
from bimkemas.reporting.models import Concern, ReviewStatus
from bimkemas.reporting.services.checkins import checkin_submit_self
from bimkemas.testing import png_upload

HOME = {"home_latitude": Decimal("-2.976074"), "home_longitude": Decimal("104.775429")}


def check_in(case, access, latitude: float, longitude: float):
    return checkin_submit_self(
        access=access,
        case=case,
        occurred_at=timezone.now(),
        answers={"condition": "good"},
        selfie=png_upload("selfie.png"),
        latitude=latitude,
        longitude=longitude,
        accuracy_m=15,
    )


def test_it_measures_the_distance_from_home(case, alice):
    client_update(actor=alice, client=case.client, data=HOME)
    access = activate(case, alice)

    near = check_in(case, access, -2.976974, 104.775429)  # 0.0009° further south

    assert near.distance_from_home_m == 100
    assert near.concerns == []
    assert near.review_status == ReviewStatus.NOT_NEEDED


def test_far_from_home_goes_to_review(case, alice):
    client_update(actor=alice, client=case.client, data=HOME)
    access = activate(case, alice)

    far = check_in(case, access, -3.0, 104.9)  # about 14 km away

    assert 13_000 < far.distance_from_home_m < 15_000
    assert far.concerns == [Concern.FAR_FROM_HOME]
    assert far.review_status == ReviewStatus.PENDING


def test_it_leaves_the_distance_out_while_the_home_is_unknown(case, alice):
    access = activate(case, alice)

    checkin = check_in(case, access, -3.0, 104.9)

    assert checkin.distance_from_home_m is None
    assert checkin.concerns == []
