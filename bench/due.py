"""What is due (bimkemas.core.due) on a loaded database: every rule over one office and over
the whole national set, and the pages that show it.

    .venv/bin/python bench/due.py [-n 20] [--national]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bimkemas_national .venv/bin/python bench/due.py

After `bimkemas demo-data` (or `--scale 94` for the national set). Prints the time of each
rule and of all rules together for Palembang (~3,661 open cases) and, with --national, for
every open case of every office, then p50/p95 of /due/ for the officer and the section head,
the supervisor's guidance coverage page and the home pages, in-process, with GET /login/ as
the baseline measured in the same run.
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

from bimkemas.clients.models import SupervisionCase  # noqa: E402
from bimkemas.core.dates import today  # noqa: E402
from bimkemas.core.due import due_kinds, dues_for  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import InProcess, measure, report  # noqa: E402

PAGES = [
    ("baseline: GET /login/ (anonymous)", "", "/login/"),
    ("what is due (pk)", "pk", "/due/"),
    ("what is due, office (kasi)", "kasi", "/due/"),
    ("officer home page (pk)", "pk", "/"),
    ("supervisor home page (kasi)", "kasi", "/"),
    ("guidance coverage (kasi)", "kasi", "/guidance/coverage/"),
]


def timed_dues(label: str, cases) -> None:
    day = today()
    for kind in due_kinds():
        started = time.perf_counter()
        found = dues_for(cases, day, [kind.code])
        elapsed = time.perf_counter() - started
        items = sum(len(v) for v in found.values())
        print(f"  {kind.code:<28} {elapsed * 1000:9.0f} ms  {items:>8} items")
    started = time.perf_counter()
    found = dues_for(cases, day)
    elapsed = time.perf_counter() - started
    items = sum(len(v) for v in found.values())
    print(f"{label:<30} {elapsed * 1000:9.0f} ms  {items:>8} items, {len(found)} cases")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20)
    parser.add_argument("--national", action="store_true")
    args = parser.parse_args()
    print(f"database: {connection.vendor}")
    timed_dues("Palembang, all rules", SupervisionCase.objects.open().filter(office__code="plg"))
    if args.national:
        timed_dues("national, all rules", SupervisionCase.objects.open())
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
