"""WCAG 2.1 AA in a real browser: axe-core (from npm, see package.json) finds no serious or
critical violation on any main page at 1280 and 360 px, and the forms work from the keyboard.

One set of personas and cases for the whole module, each persona logged in once in its own
browser context: logging in per page would make this module minutes instead of seconds.
"""

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from django.urls import reverse
from pytest_django.live_server_helper import LiveServer

from bimkemas.accounts.models import Office, Role, User, WorkArea
from bimkemas.clients.models import Facility, Programme, SupervisionCase
from bimkemas.clients.services import case_assign, client_intake
from bimkemas.core.dates import today
from bimkemas.testing import PASSWORD, case_data, identity_data, make_user

# Plain django_db: the module's data is committed once (see `site`); each test's own writes
# (read audit rows) roll back.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_JS = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
WIDTHS = {1280: 800, 360: 740}


@dataclass
class Site:
    url: str
    contexts: dict  # username ("" for anonymous) → logged-in browser context
    case: SupervisionCase  # alice's open case
    unassigned: SupervisionCase  # waiting for the section head
    alice: User
    axe: str = field(repr=False)  # axe.min.js


# page name → (who looks at it, its address)
PAGES = {
    "login": ("", lambda s: reverse("login")),
    "dashboard-pk": ("alice", lambda s: reverse("dashboard")),
    "dashboard-section-head": ("bob", lambda s: reverse("dashboard")),
    "dashboard-registrar": ("carol", lambda s: reverse("dashboard")),
    "client-list": ("bob", lambda s: reverse("client_list") + "?q=Santoso"),
    "client-detail": ("alice", lambda s: reverse("client_detail", args=[s.case.client.public_id])),
    "client-edit": ("carol", lambda s: reverse("client_edit", args=[s.case.client.public_id])),
    "access-log": ("bob", lambda s: reverse("client_access_log", args=[s.case.client.public_id])),
    "intake": ("carol", lambda s: reverse("intake")),
    "case-assign": ("bob", lambda s: reverse("case_assign", args=[s.unassigned.public_id])),
    "case-close": ("bob", lambda s: reverse("case_close", args=[s.case.public_id])),
    "case-grant": ("bob", lambda s: reverse("case_grant", args=[s.case.public_id])),
    "case-edit": ("bob", lambda s: reverse("case_edit", args=[s.case.public_id])),
    "officer-caseload": ("bob", lambda s: reverse("officer_caseload", args=[s.alice.public_id])),
    "office-overview": ("bob", lambda s: reverse("office_overview")),
    "national-overview": ("nina", lambda s: reverse("national_overview")),
    "notifications": ("alice", lambda s: "/notifications/"),
    "front-desk": ("carol", lambda s: reverse("reporting_front_desk") + "?q=Budi"),
    "contact-record": (
        "alice",
        lambda s: reverse("reporting_contact_record", args=[s.case.public_id]),
    ),
    "schedule-change": (
        "alice",
        lambda s: reverse("reporting_schedule_change", args=[s.case.public_id]),
    ),
    "excuse-record": (
        "alice",
        lambda s: reverse("reporting_excuse_record", args=[s.case.public_id]),
    ),
    "review-queue": ("alice", lambda s: reverse("reporting_review_list")),
    "worklist-due": ("alice", lambda s: reverse("reporting_worklist", args=["due"])),
    "supervision": ("bob", lambda s: reverse("reporting_supervision")),
    "supervision-officer": (
        "bob",
        lambda s: reverse("reporting_supervision_officer", args=[s.alice.public_id]),
    ),
    "statistics": ("bob", lambda s: reverse("reporting_statistics")),
    "logout-confirm": ("alice", lambda s: reverse("logout")),
    "not-found": ("alice", lambda s: "/no-such-page/"),
}


def axe_source() -> str:
    if not AXE_JS.exists():
        message = f"{AXE_JS} is missing: run `make install` (npm ci)."
        if os.environ.get("REQUIRE_AXE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE_JS.read_text()


def _build_cases() -> tuple[SupervisionCase, SupervisionCase, User]:
    office = Office.objects.create(code="plg", name="Bapas Kelas I Palembang", office_class="I")
    area = WorkArea.objects.create(office=office, kind="kota", name="Palembang")
    pb = Programme.objects.get_or_create(code="PB", defaults={"name": "Pembebasan Bersyarat"})[0]
    facility = Facility.objects.create(kind="lapas", name="Lapas Kelas I Palembang")
    alice = make_user("alice", office, Role.PK, rank="muda")
    alice.work_areas.add(area)
    make_user("pat", office, Role.PK, rank="pertama").work_areas.add(area)
    bob = make_user("bob", office, Role.SUPERVISOR)
    carol = make_user("carol", office, Role.REGISTRAR)
    make_user("nina", None, Role.NATIONAL_VIEWER)

    def intake(name: str, birth: dt.date, **case):
        return client_intake(
            actor=carol,
            identity=identity_data(area, full_name=name, birth_date=birth),
            case=case_data(pb, facility, **case),
            phones=[{"number": "0812-7000-1234", "label": "pribadi"}],
            guarantors=[{"name": "Siti Aminah", "relation": "Istri", "phone": "081270009876"}],
        )

    case = case_assign(actor=bob, case=intake("Budi Santoso", dt.date(1990, 5, 17)), officer=alice)
    soon = today() - dt.timedelta(days=340)
    case_assign(
        actor=bob,
        case=intake("Agus Santoso", dt.date(1985, 1, 2), guidance_start=soon),
        officer=alice,
    )
    unassigned = intake("Rina Santoso binti Ahmad", dt.date(1995, 8, 9))
    return case, unassigned, alice


def _log_in(browser, url: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    if username:
        page.goto(f"{url}{reverse('login')}")
        page.fill("[name=username]", username)
        page.fill("[name=password]", PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda address: "/login/" not in address)
    page.close()
    return context


@pytest.fixture(scope="module")
def site(browser, django_db_setup, django_db_blocker):
    """A live server with this module's data, and a logged-in browser context per persona.

    The server is the module's own: pytest-django's `live_server` fixture would make every
    test transactional, flushing the personas and their sessions after each page."""
    axe = axe_source()
    with (
        django_db_blocker.unblock(),
        override_settings(
            ALLOWED_HOSTS=["localhost"],
            SESSION_COOKIE_SECURE=False,
            CSRF_COOKIE_SECURE=False,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        server = LiveServer("localhost")
        case, unassigned, alice = _build_cases()
        personas = {persona for persona, _ in PAGES.values()}
        contexts = {name: _log_in(browser, server.url, name) for name in personas}
        yield Site(server.url, contexts, case, unassigned, alice, axe)
        for context in contexts.values():
            context.close()
        server.stop()
        call_command("flush", interactive=False, verbosity=0)


def open_page(site: Site, name: str, width: int = 1280):
    persona, address = PAGES[name]
    page = site.contexts[persona].new_page()
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    page.goto(site.url + address(site))
    return page


RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + "  " + n.html.slice(0, 120)),
  }));
}"""


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['impact']} {v['id']}: {v['help']}\n" + "\n".join(f"    {n}" for n in v["nodes"])
        for v in violations
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_it_has_no_serious_accessibility_violation(site, name, width):
    page = open_page(site, name, width)
    page.evaluate(site.axe)  # evaluate, not a <script> tag: the CSP forbids inline scripts

    violations = page.evaluate(RUN_AXE, WCAG_21_AA)

    page.close()
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"{name} at {width} px:\n{describe(blocking)}"


# The outline's width in px, 0 without one. A box-shadow alone does not count: Bootstrap's
# is a 25 % blue glow, which is hard to see.
OUTLINE_WIDTH = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth);
}"""
MAX_TABS = 200


@pytest.mark.parametrize("name", ["intake", "case-assign"])
def test_it_reaches_the_submit_button_by_keyboard_with_a_visible_focus(site, name):
    page = open_page(site, name)
    submit = page.locator("main form button[type=submit].btn-primary").last.element_handle()

    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(button) => button === document.activeElement", submit):
            break
    else:
        pytest.fail(f"{MAX_TABS} presses of Tab did not reach the submit button on {name}")

    outline = page.evaluate(OUTLINE_WIDTH)
    page.close()
    assert outline >= 2


def test_it_skips_to_the_main_content(site):
    page = open_page(site, "dashboard-pk")

    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => [document.activeElement.textContent.trim(), "
        "document.activeElement.getBoundingClientRect().height]"
    )
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside_main = page.evaluate(
        "() => document.querySelector('main').contains(document.activeElement)"
    )

    page.close()
    assert skip[0] == "Skip to main content" and skip[1] > 0  # shown once focused
    assert inside_main
