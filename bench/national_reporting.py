"""The compliance scan at national scale (PostgreSQL only), run by hand:

    createdb -h 127.0.0.1 -U postgres bimkemas_national
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bimkemas_national
    .venv/bin/bimkemas migrate && .venv/bin/bimkemas demo-data --scale 94
    .venv/bin/python bench/national_reporting.py [--every-days 3]

Gives every active case of the generated national offices a reporting history in SQL (one
INSERT … SELECT per office: an in-person check-in every `--every-days` days from its guidance
start to today, each kept with 90 % probability; secondary indexes built after), then times
the compliance scan of every office twice: the first judges every period since each guidance
start, the second is the nightly run.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from bimkemas.accounts.models import Office  # noqa: E402
from bimkemas.clients.models import SupervisionCase  # noqa: E402
from bimkemas.core.dates import today  # noqa: E402
from bimkemas.reporting.compliance import compliance_scan  # noqa: E402
from bimkemas.reporting.models import CheckIn  # noqa: E402

HISTORY = """
INSERT INTO reporting_checkin (
    created_at, updated_at, public_id, channel, occurred_at, reporter, reporter_name,
    answers, needs, wants_call_back, note, selfie, evidence, counts, idempotency_key,
    review_status, concerns, review_note, case_id, fingerprint
)
SELECT now(), now(), gen_random_uuid(), 'in_person', day + time '10:00', 'client', '',
       '{}', '[]', false, '', '', '', true, '', 'none', '[]', '', c.id, ''
FROM clients_supervisioncase c
CROSS JOIN LATERAL generate_series(
    c.guidance_start::timestamp, LEAST(c.guidance_end, %(today)s)::timestamp,
    %(step)s::interval
) AS day
WHERE c.status = 'active' AND c.office_id = %(office)s
  AND NOT EXISTS (SELECT 1 FROM reporting_checkin r WHERE r.case_id = c.id)
  AND random() < 0.9
"""

# Secondary indexes of the check-in table that back no constraint: dropped while the history
# goes in and built again after (one sort each instead of millions of index insertions).
SECONDARY_INDEXES = """
SELECT i.relname, pg_get_indexdef(x.indexrelid)
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = 'reporting_checkin'::regclass
  AND NOT x.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
"""


def timed(label: str, call) -> None:
    started = time.perf_counter()
    result = call()
    print(f"{label:<44} {time.perf_counter() - started:8.1f} s   {result}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every-days", type=int, default=3)
    parser.add_argument(
        "--scans-only", action="store_true", help="time the scans on the history already there"
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("PostgreSQL only: set DATABASE_URL.")
    day = today()
    step = f"{args.every_days} days"

    def history() -> int:
        inserted = 0
        with connection.cursor() as cursor:
            cursor.execute(SECONDARY_INDEXES)
            indexes = cursor.fetchall()
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            for office in Office.objects.order_by("code"):
                cursor.execute(HISTORY, {"today": day, "step": step, "office": office.pk})
                inserted += cursor.rowcount
                print(f"  {office.code}: {cursor.rowcount} check-ins", flush=True)
            for _name, definition in indexes:
                cursor.execute(definition)
            cursor.execute("ANALYZE")
        return inserted

    if not args.scans_only:
        timed("reporting history inserted", history)
    cases = SupervisionCase.objects.filter(status="active").count()
    print(
        f"offices {Office.objects.count()}, active cases {cases}, "
        f"check-ins {CheckIn.objects.count()}",
        flush=True,
    )
    if not args.scans_only:
        timed("scan every office, from scratch", lambda: compliance_scan(day=day).cases)
    for _run in range(2):
        timed("scan every office, nightly", lambda: compliance_scan(day=day).cases)


if __name__ == "__main__":
    main()
