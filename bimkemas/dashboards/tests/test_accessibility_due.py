"""WCAG 2.1 AA of the "what is due" page in a real browser: axe-core finds no serious or
critical violation at 1280 and 360 px, for the PK and for the section head with its filters."""

import datetime as dt

import pytest

from bimkemas.core.dates import today
from bimkemas.documents.tests.test_accessibility_documents import busy_clients
from bimkemas.testing_axe import axe_problems, plain_http

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_due_page_passes_axe(
    page, live_server, settings, alice, bob, carol, dave, pat, make_case
):
    plain_http(settings)
    busy_clients(make_case, alice=alice, bob=bob, dave=dave, carol=carol)
    for name, days in (("Agus Salim", 400), ("Rina Wati", 20), ("Sari Dewi", 95)):
        make_case(
            officer=alice,
            identity={"full_name": name, "nik": None},
            case={"guidance_start": today() - dt.timedelta(days=days)},
        )
    make_case(identity={"full_name": "Tono Unassigned", "nik": None})
    pages = {
        alice.username: ["/due/", "/due/?overdue=on"],
        pat.username: ["/due/"],  # nothing due: the empty state
        bob.username: ["/due/", f"/due/?officer={alice.public_id}&overdue=on"],
    }
    problems = axe_problems(page, live_server, pages)
    assert not problems, "\n".join(problems)
