"""axe-core in a real browser for the apps' accessibility tests: log in as a persona (or stay
anonymous), open each page at 1280 and 360 px and collect the serious and critical WCAG 2.1 AA
violations. The axe runner and its constants are those of dashboards' accessibility test.

    plain_http(settings)
    problems = axe_problems(page, live_server, {"alice": ["/visits/"], "": ["/litmas/lacak/"]})
    assert not problems, "\\n".join(problems)
"""

from collections.abc import Iterable, Mapping

from bimkemas.dashboards.tests.test_accessibility import (
    BLOCKING,
    MAX_TABS,
    OUTLINE_WIDTH,
    RUN_AXE,
    WCAG_21_AA,
    WIDTHS,
    axe_source,
    describe,
)
from bimkemas.testing import PASSWORD

__all__ = ["axe_problems", "check_page", "keyboard_problem", "log_in", "plain_http"]


def plain_http(settings) -> None:
    """The live server speaks plain HTTP: session and CSRF cookies must not be Secure-only."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def log_in(page, url: str, username: str) -> None:
    """A fresh session as `username`; "" leaves the browser anonymous."""
    page.context.clear_cookies()
    if not username:
        return
    page.goto(f"{url}/login/")
    page.fill("[name=username]", username)
    page.fill("[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda address: "/login/" not in address)


def check_page(page, axe: str, url: str, width: int) -> list[str]:
    """The page's blocking violations at `width` px, described; [] when it passes. A page that
    does not answer 200 is a problem too: axe on an error page proves nothing."""
    page.set_viewport_size({"width": width, "height": WIDTHS[width]})
    response = page.goto(url)
    if response is None or response.status != 200:
        status = response.status if response is not None else "no response"
        return [f"{url} at {width} px: answered {status}"]
    page.evaluate(axe)  # evaluate, not a <script> tag: the CSP forbids inline scripts
    blocking = [v for v in page.evaluate(RUN_AXE, WCAG_21_AA) if v["impact"] in BLOCKING]
    return [f"{url} at {width} px:\n{describe(blocking)}"] if blocking else []


def axe_problems(
    page, live_server, pages: Mapping[str, Iterable[str]], widths: Iterable[int] = WIDTHS
) -> list[str]:
    """Every page of `pages` (persona's username → addresses) checked at every width."""
    axe = axe_source()
    base = live_server.url
    problems: list[str] = []
    for username, addresses in pages.items():
        log_in(page, base, username)
        for address in addresses:
            for width in widths:
                problems += check_page(page, axe, base + address, width)
    return problems


def keyboard_problem(page, url: str, selector: str) -> str:
    """Tab from the top of the page (logged in as the caller chose) until the `selector`'s
    first element has the focus; "" when it is reached with an outline of 2 px or more."""
    page.set_viewport_size({"width": 1280, "height": WIDTHS[1280]})
    page.goto(url)
    target = page.locator(selector).first.element_handle()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => element === document.activeElement", target):
            break
    else:
        return f"{url}: {MAX_TABS} presses of Tab did not reach {selector}"
    outline = page.evaluate(OUTLINE_WIDTH)
    return "" if outline >= 2 else f"{url}: {selector} has the focus without a visible outline"
