"""Wajib lapor on a loaded database: the compliance scan, worklists and supervisor pages.

    .venv/bin/python bench/reporting.py [-n 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bimkemas_bench .venv/bin/python bench/...

After `bimkemas demo-data`. Reports the scan of one office (Palembang, 3,661 cases) from
scratch (its stored outcomes deleted first, so every period since the guidance start is
judged) and again (the nightly case: only recent periods), the scan of every office, and
p50/p95 of the officer's home page, the worklist and review pages, the supervisor's
compliance page and the statistics page, in-process, with GET /login/ as the baseline.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")

import django

django.setup()

from django.db import connection  # noqa: E402

from bimkemas.accounts.models import Office  # noqa: E402
from bimkemas.core.dates import today  # noqa: E402
from bimkemas.reporting.compliance import compliance_scan  # noqa: E402
from bimkemas.reporting.models import CheckIn, PeriodOutcome  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import InProcess, measure, report  # noqa: E402

PAGES = [
    ("baseline: GET /login/ (anonymous)", "", "/login/"),
    ("officer home page with worklists (pk)", "pk", "/"),
    ("worklist: not reported this period (pk)", "pk", "/reporting/worklists/due/"),
    ("review queue (pk)", "pk", "/reporting/review/"),
    ("front desk search q=budi (registrar)", "registrar", "/reporting/front-desk/?q=budi"),
    ("supervisor home page (kasi)", "kasi", "/"),
    ("compliance per officer (kasi)", "kasi", "/reporting/supervision/"),
    ("statistics, 12 months (kasi)", "kasi", "/reporting/statistics/"),
]


def timed(label: str, call) -> None:
    started = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - started
    print(f"{label:<48} {elapsed * 1000:8.0f} ms  {result}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20)
    args = parser.parse_args()
    palembang = Office.objects.get(code="plg")
    day = today()
    print(
        f"database: {connection.vendor}; offices {Office.objects.count()}, "
        f"cases with check-ins {CheckIn.objects.values('case').distinct().count()}, "
        f"check-ins {CheckIn.objects.count()}"
    )
    PeriodOutcome.objects.filter(case__office=palembang).delete()
    timed(
        "scan Palembang from scratch",
        lambda: len(compliance_scan(day=day, office_id=palembang.pk).violations),
    )
    timed(
        "scan Palembang again (nightly)",
        lambda: len(compliance_scan(day=day, office_id=palembang.pk).violations),
    )
    timed("scan every office (nightly)", lambda: len(compliance_scan(day=day).violations))

    print(f"\n{'page':<48} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  ratio")
    browser = InProcess()
    baseline = None
    current = None
    for label, username, path in PAGES:
        if username and username != current:
            browser.login(username)
            current = username
        result = measure(lambda p=path: browser.get(p), args.n, 3)
        if baseline is None and not isinstance(result, str):
            baseline = sorted(result)[len(result) // 2]
        report(label, result, baseline)


if __name__ == "__main__":
    main()
