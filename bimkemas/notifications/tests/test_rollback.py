import pytest
from django.db import transaction

from bimkemas.clients.services import case_assign
from bimkemas.notifications.models import Notification


class Boom(Exception):
    pass


def test_it_leaves_no_notification_when_the_assignment_rolls_back(
    _console_file, bob, pat, make_case, django_capture_on_commit_callbacks
):
    new = make_case()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Boom),
        transaction.atomic(),
    ):
        case_assign(actor=bob, case=new, officer=pat)
        raise Boom

    assert not Notification.objects.exists()
    assert callbacks == []
    assert not _console_file.exists()
    new.refresh_from_db()
    assert new.officer is None
