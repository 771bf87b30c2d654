"""Every page of a request renders for each persona who may see it, in each state."""

import pytest

from bimkemas.litmas.services import report_review, report_submit

pytestmark = pytest.mark.django_db


def _pages(request):
    base = f"/litmas/{request.public_id}/"
    return [base, base + "slip/"]


def test_the_request_page_shows_each_persona_their_actions(
    client, full_report, alice, bob, dave, carol
):
    request = full_report.request
    client.force_login(alice)
    page = client.get(f"/litmas/{request.public_id}/").content.decode()
    assert "Open the editor" in page and "Approve" not in page
    report_submit(actor=alice, report=full_report)
    client.force_login(bob)
    page = client.get(f"/litmas/{request.public_id}/").content.decode()
    assert "Approve" in page and "Cancel the request" in page
    report_review(actor=bob, report=full_report, approve=True)
    client.force_login(dave)
    page = client.get(f"/litmas/{request.public_id}/").content.decode()
    assert "Acknowledge" in page
    client.force_login(carol)
    for url in [*_pages(request), "/litmas/?status=all", "/litmas/new/"]:
        assert client.get(url).status_code == 200, url


def test_the_editor_is_only_for_the_assigned_pk(client, report, bob, carol):
    for user in (bob, carol):
        client.force_login(user)
        assert client.get(f"/litmas/{report.request.public_id}/report/").status_code == 404


def test_the_editor_shows_required_and_filled_sections(client, report, alice):
    client.force_login(alice)
    page = client.get(f"/litmas/{report.request.public_id}/report/").content.decode()
    assert 'href="#section-kesimpulan"' in page
    assert "required" in page and "filled" in page


def test_supervisors_see_what_waits_for_them(full_report, alice, bob, dave):
    from bimkemas.core.workitems import work_items_for

    report_submit(actor=alice, report=full_report)
    day = full_report.request.due_on
    assert {g.kind: g.total for g in work_items_for(bob, day)}.get("litmas.to_sign") == 1
    assert "litmas.to_sign" not in {g.kind for g in work_items_for(dave, day)}
    report_review(actor=bob, report=full_report, approve=True)
    assert {g.kind: g.total for g in work_items_for(dave, day)}.get("litmas.to_sign") == 1
