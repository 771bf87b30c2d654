"""Time the main pages, API calls and the functions behind them on a loaded database.

Run by hand (not collected by pytest), after `bimkemas demo-data` (or --scale 94):

    .venv/bin/python bench/pages.py                     # in-process django.test.Client
    .venv/bin/python bench/pages.py -n 50 --warmup 5
    .venv/bin/python bench/pages.py --server http://127.0.0.1:8000   # a running gunicorn
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bimkemas_bench .venv/bin/python bench/pages.py

Each row reports p50/p95/max in ms and the ratio of p50 to a baseline measured in the same
run (GET /login/). A URL that answers 404/500 or raises (views not written yet) is reported
as "not available" instead of stopping the run.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # plain HTTP, in-process or local

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client as TestClient  # noqa: E402

from bimkemas.accounts.models import Office, User  # noqa: E402
from bimkemas.clients.caseload import office_overview, propose_officer  # noqa: E402
from bimkemas.clients.models import Client, SupervisionCase  # noqa: E402
from bimkemas.clients.selectors import ClientFilters, search_clients  # noqa: E402
from bimkemas.core.dates import today  # noqa: E402
from bimkemas.demo.constants import DEMO_PASSWORD  # noqa: E402

NOT_AVAILABLE = "not available"


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def measure(call: Callable[[], object], n: int, warmup: int) -> list[float] | str:
    try:
        for _ in range(warmup):
            if call() is False:
                return NOT_AVAILABLE
        samples = []
        for _ in range(n):
            started = time.perf_counter()
            if call() is False:
                return NOT_AVAILABLE
            samples.append((time.perf_counter() - started) * 1000)
        return samples
    except NotImplementedError:
        return NOT_AVAILABLE
    except Exception as error:  # a view in progress may fail in any way
        return f"{NOT_AVAILABLE} ({type(error).__name__})"


class InProcess:
    def __init__(self) -> None:
        self.client = TestClient(raise_request_exception=False)

    def login(self, username: str) -> None:
        self.client.force_login(
            User.objects.get(username=username),
            backend="django.contrib.auth.backends.ModelBackend",
        )

    def get(self, path: str) -> bool:
        return self.client.get(path).status_code == 200


class Server:
    """Against a running server (requests with a session cookie from the login form)."""

    def __init__(self, base: str) -> None:
        import requests

        self.base = base.rstrip("/")
        self.session = requests.Session()

    def login(self, username: str) -> None:
        self.session.cookies.clear()
        page = self.session.get(f"{self.base}/login/")
        token = self.session.cookies.get("csrftoken", "")
        self.session.post(
            f"{self.base}/login/",
            data={"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": page.url},
        )

    def get(self, path: str) -> bool:
        return self.session.get(f"{self.base}{path}", allow_redirects=False).status_code == 200


def common_surname(office: Office) -> str:
    names = Client.objects.filter(office=office).values_list("full_name", flat=True)[:2000]
    counts: dict[str, int] = {}
    for name in names:
        last = name.split(" als ")[0].split(" bin")[0].split()[-1]
        counts[last] = counts.get(last, 0) + 1
    return max(counts, key=lambda k: counts[k])


def page_cases(office, kasi_case, pk_case, surname, register) -> list[tuple[str, str, str]]:
    """(label, username, path)."""
    return [
        ("baseline: GET /login/ (anonymous)", "", "/login/"),
        ("dashboard (kasi)", "kasi", "/"),
        ("dashboard (pk)", "pk", "/"),
        ("my work items, API (pk)", "pk", "/api/v1/me/work-items"),
        ("client list page 1 (kasi)", "kasi", "/clients/"),
        ("client list page 1 (pk)", "pk", "/clients/"),
        (f"search by name q={surname} (kasi)", "kasi", f"/clients/?q={surname}"),
        ("search by register number (kasi)", "kasi", f"/clients/?q={register}"),
        ("client page (kasi)", "kasi", f"/clients/{kasi_case.client.public_id}/"),
        ("client page (pk)", "pk", f"/clients/{pk_case.client.public_id}/"),
        ("office overview (kasi)", "kasi", "/office/"),
        ("officer caseload page (kasi)", "kasi", f"/officers/{pk_case.officer.public_id}/"),
        ("access log of a client (kasi)", "kasi", f"/clients/{kasi_case.client.public_id}/log/"),
        ("national overview (nasional)", "nasional", "/national/"),
        (f"API clients?q={surname} (kasi)", "kasi", f"/api/v1/clients?q={surname}"),
        ("API client list (pk)", "pk", "/api/v1/clients"),
    ]


def function_cases(office, kasi, pk, surname, register, case) -> list[tuple[str, Callable]]:
    day = today()

    def first_page(user, q=""):
        return lambda: list(search_clients(user, ClientFilters(q=q), day=day)[:50])

    return [
        ("search_clients page 1 (kasi)", first_page(kasi)),
        (f"search_clients q={surname} (kasi)", first_page(kasi, surname)),
        ("search_clients by register (kasi)", first_page(kasi, register)),
        ("search_clients page 1 (pk)", first_page(pk)),
        ("office_overview(Palembang)", lambda: office_overview(office, day=day)),
        ("propose_officer(a Palembang case)", lambda: propose_officer(case, day=day)),
    ]


def report(label: str, result, baseline: float | None) -> None:
    if isinstance(result, str):
        print(f"{label:<48} {result}")
        return
    p50, p95, worst = percentiles(result)
    ratio = f"{p50 / baseline:6.1f}x" if baseline else "      "
    print(f"{label:<48} {p50:8.1f} {p95:8.1f} {worst:8.1f} {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--server", help="base URL of a running server instead of in-process")
    parser.add_argument("--functions-only", action="store_true")
    args = parser.parse_args()

    office = Office.objects.get(code="plg")
    kasi, pk = User.objects.get(username="kasi"), User.objects.get(username="pk")
    cases = SupervisionCase.objects.open().select_related("client", "office", "officer")
    kasi_case = cases.filter(office=office).order_by("pk").first()
    pk_case = cases.filter(officer=pk).order_by("pk").first()
    surname = common_surname(office)
    register = kasi_case.register_number
    db = settings.DATABASES["default"]
    print(
        f"database: {connection.vendor} {db['NAME']}; offices {Office.objects.count()}, "
        f"clients {Client.objects.count()}; n={args.n} after {args.warmup} warm-ups"
    )
    print(f"{'what':<48} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  ratio")

    baseline = None
    if not args.functions_only:
        browser = Server(args.server) if args.server else InProcess()
        current = None
        for label, username, path in page_cases(office, kasi_case, pk_case, surname, register):
            if username and username != current:
                browser.login(username)
                current = username
            result = measure(lambda p=path: browser.get(p), args.n, args.warmup)
            if baseline is None and not isinstance(result, str):
                baseline = percentiles(result)[0]
            report(label, result, baseline)
    for label, call in function_cases(office, kasi, pk, surname, register, kasi_case):
        report(label, measure(call, args.n, args.warmup), baseline)


if __name__ == "__main__":
    main()
