"""Selfies and locations go after the office's retention days; the check-in stays."""

import datetime as dt
import os

from django.core.management import call_command
from django.utils import timezone

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.portal.tests.conftest import activate
from bimkemas.reporting.models import CheckIn, OfficeReportingSettings
from bimkemas.reporting.retention import checkin_media_expire
from bimkemas.reporting.services.checkins import checkin_submit_self
from bimkemas.testing import png_upload


def self_checkin(case, access, *, days_ago: int) -> CheckIn:
    return checkin_submit_self(
        access=access,
        case=case,
        occurred_at=timezone.now() - dt.timedelta(days=days_ago),
        answers={"condition": "good"},
        selfie=png_upload("selfie.png"),
        latitude=-2.976074,
        longitude=104.775431,
        accuracy_m=12,
    )


def test_it_removes_selfies_and_locations_after_the_retention(case, alice):
    OfficeReportingSettings.objects.create(office=case.office, retention_days=20)
    access = activate(case, alice)
    old = self_checkin(case, access, days_ago=25)
    recent = self_checkin(case, access, days_ago=5)

    cleared = checkin_media_expire()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert cleared == 1
    assert (old.selfie.name, old.latitude, old.accuracy_m) == ("", None, None)
    assert old.media_removed_at is not None
    assert old.answers == {"condition": "good"}  # that the client reported stays
    assert recent.selfie and recent.latitude is not None
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="office").exists()


def test_it_deletes_the_selfie_file_once_committed(case, alice, django_capture_on_commit_callbacks):
    OfficeReportingSettings.objects.create(office=case.office, retention_days=10)
    access = activate(case, alice)
    old = self_checkin(case, access, days_ago=20)
    path = old.selfie.path

    with django_capture_on_commit_callbacks(execute=True):
        checkin_media_expire()

    assert not os.path.exists(path)


def test_running_it_again_changes_nothing(case, alice):
    OfficeReportingSettings.objects.create(office=case.office, retention_days=10)
    access = activate(case, alice)
    self_checkin(case, access, days_ago=20)
    checkin_media_expire()

    assert checkin_media_expire() == 0


def test_the_command_reports_what_it_removed(case, alice, capsys):
    OfficeReportingSettings.objects.create(office=case.office, retention_days=10)
    access = activate(case, alice)
    self_checkin(case, access, days_ago=20)

    call_command("expire_checkin_media")

    assert "removed from 1 check-ins" in capsys.readouterr().out
