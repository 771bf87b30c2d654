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
    RUN_AXE,
    WCAG_21_AA,
    WIDTHS,
    axe_source,
    describe,
)
from bimkemas.testing import PASSWORD

__all__ = ["axe_problems", "check_page", "log_in", "plain_http"]


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
