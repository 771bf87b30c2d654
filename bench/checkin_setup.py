"""Shared set-up for the check-in benchmarks: signed-in clients and a server to load.

Imported by bench/checkin_load.py and bench/checkin_kill9.py (run by hand, not by pytest).
The database is the one DATABASE_URL names (SQLite under var/ by default), loaded with
`bimkemas demo-data`.
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-0123456789abcdefghijklmnop")
os.environ.setdefault("CONN_MAX_AGE", "600")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bimkemas.accounts.models import User  # noqa: E402
from bimkemas.clients.models import SupervisionCase  # noqa: E402
from bimkemas.core.dates import today  # noqa: E402
from bimkemas.reporting.services.client_app import (  # noqa: E402
    access_activate,
    access_issue_code,
    access_sign_in,
    client_token_create,
)

PIN = "582914"
FLOOR_TABLE = "bench_floor"


def client_tokens(count: int) -> list[str]:
    """Bearer tokens of `count` Palembang clients under guidance today, activated here."""
    officer = User.objects.get(username="kasi")
    day = today()
    cases = (
        SupervisionCase.objects.open()
        .filter(office__code="plg", guidance_start__lte=day, guidance_end__gte=day)
        .select_related("client")
        .order_by("pk")[:count]
    )
    tokens = []
    for case in cases:
        code = access_issue_code(actor=officer, client=case.client).code
        birth = case.client.birth_date
        access_activate(register_number=case.register_number, birth_date=birth, code=code, pin=PIN)
        access = access_sign_in(register_number=case.register_number, birth_date=birth, pin=PIN)
        tokens.append(client_token_create(access=access)[1])
    return tokens


def create_floor_table() -> None:
    """The bare-insert floor writes into a one-column table of its own."""
    with connection.cursor() as cursor:
        serial = "BIGSERIAL" if connection.vendor == "postgresql" else "INTEGER"
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {FLOOR_TABLE} (id {serial} PRIMARY KEY)")
    connection.close()


def start_server(port: int, workers: int = 3) -> subprocess.Popen:
    """gunicorn as deployed (sync workers, persistent connections) serving the app and the
    floor endpoint (bench/floor_wsgi.py), in its own process group so it can be killed whole."""
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "bench.floor_wsgi:application",
        "--chdir",
        str(ROOT),
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, start_new_session=True, env=os.environ.copy())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError("the server did not start")


def stop_server(server: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    try:
        os.killpg(server.pid, sig)
    except ProcessLookupError:
        return
    server.wait(timeout=30)


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()
