"""Client-page panels: sections that capability apps add to the client page.

The client page belongs to the `clients` app, which may not import the apps above it. An app
contributes a section by registering a panel in its `panels.py` module (imported when the
project starts, like `work_items.py`):

    from bimkemas.core.panels import client_panel

    @client_panel(order=20)
    def reporting(request, client, case) -> str:
        return render_to_string("reporting/partials/panel.html", {...}, request=request)

A panel is `(request, client, case) -> str` (case may be None): rendered HTML, or "" to show
nothing. It is called only after the page's access check passed, for a user who may read the
client; it must scope anything further itself (e.g. write actions to `writable_clients`).
Panels are shown in `order`, in the page's main column, after the case's own sections.
"""

from collections.abc import Callable
from typing import Any

Panel = Callable[[Any, Any, Any], str]
_panels: dict[str, tuple[int, Panel]] = {}


def client_panel(*, order: int = 50) -> Callable[[Panel], Panel]:
    def register(func: Panel) -> Panel:
        _panels[f"{func.__module__}.{func.__qualname__}"] = (order, func)
        return func

    return register


def client_panels(request: Any, client: Any, case: Any) -> list[str]:
    """The HTML of every panel with something to show, in order."""
    ordered = sorted(_panels.values(), key=lambda pair: pair[0])
    return [html for _order, panel in ordered if (html := panel(request, client, case))]
