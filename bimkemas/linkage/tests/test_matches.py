"""Matches: the run (with a fake matcher), the officer's confirm and reject, who may decide,
precision, work items and the client page's alert."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from bimkemas.audit.models import AuditEvent
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.workitems import work_items_for
from bimkemas.linkage import selectors, services
from bimkemas.linkage.models import ExternalRecord, MatchBand, MatchCandidate, MatchStatus
from bimkemas.linkage.tests.matches_support import (
    ALERT,
    FAKE_VERSION,
    REVIEW,
    FakeMatcher,
    make_match,
    make_record,
)
from bimkemas.notifications.models import Notification
from bimkemas.testing import login
from bimkemas.violations.models import Violation

pytestmark = pytest.mark.django_db


def run(**options):
    options.setdefault("matcher", FakeMatcher())
    return services.matches_run(alert_threshold=ALERT, review_threshold=REVIEW, **options)


# --- the run ---------------------------------------------------------------------------------


def test_the_run_keeps_alerts_and_the_middle_band_and_tells_the_officer(case, alice):
    client = case.client
    same = make_record("BUDI SANTOSO", birth_date=client.birth_date)
    near = make_record("Budi Santoso", birth_date=dt.date(1991, 1, 1))
    other = make_record("Dedi Kurniawan")

    summary = run()

    assert (summary.records, summary.created, summary.alerts) == (3, 2, 1)
    assert summary.model_version == FAKE_VERSION
    alert = MatchCandidate.objects.get(record=same)
    assert (alert.client, alert.band, alert.status) == (client, MatchBand.ALERT, "pending")
    assert alert.model_version == FAKE_VERSION
    assert MatchCandidate.objects.get(record=near).band == MatchBand.REVIEW
    assert not MatchCandidate.objects.filter(record=other).exists()
    assert ExternalRecord.objects.filter(matched_at__isnull=True).count() == 0
    told = Notification.objects.get(recipient=alice, purpose_key=f"match-alert:{alert.public_id}")
    assert told.url == reverse("match_detail", args=[alert.public_id])
    assert AuditEvent.objects.filter(object_type="matchcandidate", action="create").count() == 2


def test_the_run_compares_only_new_records_and_never_repeats_a_pair(case):
    make_record(case.client.full_name, birth_date=case.client.birth_date)
    run()
    matcher = FakeMatcher()

    assert run(matcher=matcher).records == 0 and matcher.calls == []
    again = run(records=ExternalRecord.objects.all())

    assert again.records == 1 and again.created == 0
    assert MatchCandidate.objects.count() == 1


def test_the_run_compares_every_offices_open_cases(case, make_oku_case, make_case):
    owned = make_oku_case("Rahmat Hidayat")
    closed = make_case(identity={"full_name": "Andi Wijaya"})
    closed.status = "completed"
    closed.save(update_fields=["status"])
    make_record("Rahmat Hidayat", birth_date=owned.client.birth_date)
    make_record("Andi Wijaya", birth_date=closed.client.birth_date)
    matcher = FakeMatcher()

    run(matcher=matcher)

    assert matcher.calls[0][0] == 2  # alice's client and OKU's; not the closed case's
    assert [m.client for m in MatchCandidate.objects.all()] == [owned.client]


# --- the decision ----------------------------------------------------------------------------


def test_confirming_a_prison_admission_opens_one_violation(case, alice):
    match = make_match(case.client)

    confirmed = services.match_confirm(actor=alice, match=match, note="Foto cocok")

    assert (confirmed.status, confirmed.decided_by, confirmed.decision_note) == (
        "confirmed",
        alice,
        "Foto cocok",
    )
    violation = Violation.objects.get()
    assert confirmed.violation == violation
    assert (violation.case, violation.kind, violation.source) == (case, "new_offence", "match")
    assert violation.source_key == str(match.record.public_id)
    assert match.record.institution in violation.summary
    assert violation.occurred_on == match.record.event_date
    with pytest.raises(ApplicationError):
        services.match_confirm(actor=alice, match=match, note="")
    assert Violation.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="matchcandidate", action="status").count() == 1


def test_a_second_match_of_the_same_record_opens_no_second_violation(case, alice, bob):
    record = make_record(case.client.full_name, birth_date=case.client.birth_date)
    first = make_match(case.client, record)
    services.match_confirm(actor=alice, match=first)
    # The same record matched again under another model: confirming it reuses the violation.
    MatchCandidate.objects.filter(pk=first.pk).update(status=MatchStatus.PENDING)

    again = services.match_confirm(actor=bob, match=first)

    assert Violation.objects.count() == 1 and again.violation == Violation.objects.get()


def test_a_record_before_the_guidance_opens_no_violation(case, alice):
    before = case.guidance_start - dt.timedelta(days=400)
    match = make_match(case.client, make_record(case.client.full_name, event_date=before))

    confirmed = services.match_confirm(actor=alice, match=match)

    assert confirmed.status == "confirmed" and confirmed.violation is None
    assert not Violation.objects.exists()


def test_rejecting_needs_a_note(case, alice):
    match = make_match(case.client)

    with pytest.raises(ApplicationError) as error:
        services.match_reject(actor=alice, match=match, note="  ")
    assert "note" in error.value.errors

    rejected = services.match_reject(actor=alice, match=match, note="Tanggal lahir lain, foto beda")
    assert (rejected.status, rejected.decision_note) == (
        "rejected",
        "Tanggal lahir lain, foto beda",
    )
    assert not Violation.objects.exists()


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("alice", True), ("bob", True), ("dave", True), ("pat", False), ("carol", False)],
)
def test_who_may_decide(case, persona, allowed, request):
    match = make_match(case.client)
    user = request.getfixturevalue(persona)

    if allowed:
        assert services.match_reject(actor=user, match=match, note="beda").status == "rejected"
    else:
        with pytest.raises(ApplicationError):
            services.match_reject(actor=user, match=match, note="beda")


# --- pages -----------------------------------------------------------------------------------


def test_the_queue_shows_alerts_first(client, case, alice):
    review = make_match(case.client, probability=0.8)
    alert = make_match(case.client, probability=0.999)
    login(client, alice)

    page = client.get(reverse("match_list"))

    assert page.status_code == 200
    html = page.content.decode()
    assert html.index(str(alert.public_id)) < html.index(str(review.public_id))
    assert page.context["counts"] == {"alert": 1, "review": 1}
    assert AuditEvent.objects.filter(action="list", client_pk=case.client.pk).exists()


def test_the_detail_compares_side_by_side_and_confirm_opens_a_violation(client, case, alice):
    record = make_record("Boedi Santoso", birth_date=dt.date(1990, 5, 17), nik="1671011705900099")
    match = make_match(case.client, record)
    login(client, alice)

    page = client.get(reverse("match_detail", args=[match.public_id]))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Confirm: same person" in html and "Reject: different person" in html
    assert "<mark>Boedi</mark>" in html and "<mark>Budi</mark>" in html
    rows = {row.label: row for row in page.context["comparison"].rows}
    assert rows["Date of birth"].same and not rows["Name"].same
    assert page.context["comparison"].keys_equal  # the old spelling oe = u
    done = client.post(reverse("match_confirm", args=[match.public_id]), {"confirm-note": ""})
    assert done.status_code == 302
    match.refresh_from_db()
    assert match.status == "confirmed" and match.violation is not None


def test_rejecting_without_a_note_shows_the_form_again(client, case, alice):
    match = make_match(case.client)
    login(client, alice)

    page = client.post(reverse("match_reject", args=[match.public_id]), {"reject-note": ""})

    assert page.status_code == 400 and page.context["reject_form"].errors
    done = client.post(reverse("match_reject", args=[match.public_id]), {"reject-note": "Beda"})
    assert done.status_code == 302
    match.refresh_from_db()
    assert match.status == "rejected"


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_others_get_a_404(client, case, persona, request):
    match = make_match(case.client)
    login(client, request.getfixturevalue(persona))

    assert client.get(reverse("match_detail", args=[match.public_id])).status_code == 404
    url = reverse("match_reject", args=[match.public_id])
    assert client.post(url, {"reject-note": "x"}).status_code == 404
    match.refresh_from_db()
    assert match.status == "pending"


def test_the_national_viewer_sees_counts_only(client, case, nina):
    make_match(case.client)
    login(client, nina)

    page = client.get(reverse("match_list"))

    assert page.status_code == 200
    assert case.client.full_name not in page.content.decode()
    assert page.context["national"][0].alerts == 1
    assert client.get(reverse("match_precision")).status_code == 200
    assert client.post(reverse("match_run")).status_code == 404


def test_officers_do_not_see_the_precision_page(client, alice):
    login(client, alice)
    assert client.get(reverse("match_precision")).status_code == 404


def test_a_supervisor_runs_the_matcher_now(client, bob, case, monkeypatch):
    make_record(case.client.full_name, birth_date=case.client.birth_date)
    monkeypatch.setattr(services, "link", FakeMatcher())
    monkeypatch.setattr(services, "thresholds", lambda: (ALERT, REVIEW))
    login(client, bob)

    done = client.post(reverse("match_run"))

    assert done.status_code == 302
    assert MatchCandidate.objects.filter(client=case.client, band="alert").count() == 1


# --- precision -------------------------------------------------------------------------------


def test_precision_per_month_band_and_model(case, alice, make_case, pat):
    other = make_case(officer=pat, identity={"full_name": "Andi Wijaya"}).client
    decided = [
        make_match(case.client, probability=0.995),
        make_match(case.client, probability=0.996),
        make_match(other, probability=0.999, model_version="model2"),
        make_match(other, probability=0.7),
    ]
    services.match_confirm(actor=alice, match=decided[0])
    services.match_reject(actor=alice, match=decided[1], note="beda")
    services.match_confirm(actor=pat, match=decided[2])
    march = timezone.make_aware(dt.datetime(2026, 3, 10))
    MatchCandidate.objects.filter(pk=decided[2].pk).update(created_at=march)
    make_match(case.client, probability=0.6)  # pending, middle band

    matches = MatchCandidate.objects.all()
    months = {row.label: row for row in selectors.precision_by_month(matches)}
    this_month = today().strftime("%Y-%m")

    assert months[this_month].bands["alert"].precision == 0.5
    assert months[this_month].bands["review"].pending == 2
    assert months[this_month].bands["review"].precision is None
    assert months["2026-03"].bands["alert"].confirmed == 1
    models = {row.label: row for row in selectors.precision_by_model(matches)}
    assert models["model2"].total.confirmed == 1
    assert models[FAKE_VERSION].total.decided == 2
    total = selectors.precision_total(list(months.values()))
    assert (total.bands["alert"].confirmed, total.bands["alert"].rejected) == (2, 1)


def test_the_precision_page(client, bob, case, alice):
    services.match_confirm(actor=alice, match=make_match(case.client))
    services.match_reject(actor=alice, match=make_match(case.client), note="beda")
    login(client, bob)

    page = client.get(reverse("match_precision"))

    assert page.status_code == 200
    assert "50%" in page.content.decode()


# --- work items and the client page ----------------------------------------------------------


def test_work_items_for_the_officer(case, alice, bob, pat):
    make_match(case.client, probability=0.995)
    make_match(case.client, probability=0.7)
    make_match(case.client, probability=0.8)

    groups = {g.kind: g for g in work_items_for(alice, today())}

    assert groups["linkage.alert"].total == 1 and groups["linkage.alert"].items[0].urgency == "due"
    assert groups["linkage.review"].total == 2
    assert groups["linkage.review"].items[0].urgency == "flagged"
    assert groups["linkage.alert"].items[0].client_id == case.client.public_id
    assert not {"linkage.alert", "linkage.review"} & {g.kind for g in work_items_for(pat, today())}
    assert not {"linkage.alert"} & {g.kind for g in work_items_for(bob, today())}


def test_an_alert_is_overdue_three_days_after_it_was_raised(case, alice):
    match = make_match(case.client, probability=0.995)
    raised = timezone.localdate(match.created_at)

    def alert_on(day):
        return {g.kind: g for g in work_items_for(alice, day)}["linkage.alert"].items[0]

    assert alert_on(raised + dt.timedelta(days=3)).urgency == "due"
    assert alert_on(raised + dt.timedelta(days=3)).due == raised + dt.timedelta(days=3)
    assert alert_on(raised + dt.timedelta(days=4)).urgency == "overdue"


def test_the_client_page_shows_the_alert(client, case, alice):
    match = make_match(case.client, probability=0.995)
    login(client, alice)
    url = reverse("client_detail", args=[case.client.public_id])

    html = client.get(url).content.decode()

    assert 'id="match-alerts"' in html
    assert reverse("match_detail", args=[match.public_id]) in html
    assert "Compare and decide" in html
    services.match_reject(actor=alice, match=match, note="beda")
    assert 'id="match-alerts"' not in client.get(url).content.decode()


def test_the_client_page_shows_no_banner_for_the_middle_band(client, case, alice):
    make_match(case.client, probability=0.7)
    login(client, alice)

    html = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()

    assert 'id="match-alerts"' not in html


def test_the_record_page_lists_its_matches(client, case, alice, bob):
    match = make_match(case.client)
    login(client, bob)

    html = client.get(reverse("record_detail", args=[match.record.public_id])).content.decode()

    assert 'id="record-matches"' in html
    assert reverse("match_detail", args=[match.public_id]) in html
    assert case.client.full_name in html


def test_the_real_matcher_on_a_tiny_set(case, make_case, pat, alice):
    """The shipped model, no fake: an old spelling of alice's client is an alert; a namesake
    born years earlier elsewhere is not matched at all."""
    namesake = make_case(officer=pat, identity={"full_name": "Hendra Gunawan"}).client
    back = make_record("Boedi Santoso", birth_date=case.client.birth_date, nik="")
    other = make_record(
        "Hendra Gunawan", birth_date=dt.date(1961, 2, 3), birth_place="Jambi", address=""
    )

    summary = services.matches_run()

    assert summary.model_version and summary.records == 2
    found = {(m.client_id, m.record_id): m for m in MatchCandidate.objects.all()}
    assert found[(case.client.pk, back.pk)].band == MatchBand.ALERT
    assert (namesake.pk, other.pk) not in found
    assert (
        Notification.objects.filter(recipient=alice, purpose_key__startswith="match-").count() == 1
    )


def test_the_task_and_the_nightly_run_compare_new_records(case, monkeypatch):
    from bimkemas.linkage import tasks

    monkeypatch.setattr(services, "link", FakeMatcher())
    monkeypatch.setattr(services, "thresholds", lambda: (ALERT, REVIEW))
    make_record(case.client.full_name, birth_date=case.client.birth_date)

    assert tasks.match_new_records.call_local() == 1
    make_record(case.client.full_name, birth_date=dt.date(1970, 1, 1))
    assert tasks.match_new_records_daily.call_local() == 1
    assert MatchCandidate.objects.count() == 2


def test_the_command_compares_new_or_every_record(case, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setattr(services, "link", FakeMatcher())
    monkeypatch.setattr(services, "thresholds", lambda: (ALERT, REVIEW))
    make_record(case.client.full_name, birth_date=case.client.birth_date)
    out = io.StringIO()

    call_command("match_records", stdout=out)
    call_command("match_records", "--all", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("1 records × 1 clients: 1 new matches (1 alerts)")
    assert lines[1].startswith("1 records × 1 clients: 0 new matches")
