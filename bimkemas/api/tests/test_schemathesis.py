"""A bounded schemathesis run against the live server, as a supervisor with a few clients."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bimkemas.accounts.tokens import token_create

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance"
FUZZ_SECONDS = 40


@pytest.mark.fuzz
def test_the_api_survives_fuzzing(
    transactional_db, live_server, bob, case, make_case, tmp_path, caplog
):
    make_case(identity={"full_name": "Ani Lestari", "birth_date": dt.date(1995, 2, 3)})
    _token, key = token_create(user=bob, name="fuzz")
    result = subprocess.run(  # noqa: S603 (our own tool, fixed arguments)
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/openapi.json",
            "--url",
            live_server.url,
            "--checks",
            CHECKS,
            "--phases",
            "coverage,fuzzing",
            "--max-examples",
            "5",
            # A time budget well inside the subprocess timeout: on a loaded machine an
            # unbounded run took 93-134 s of its 150.
            "--max-time",
            str(FUZZ_SECONDS),
            # One worker: the live server shares one in-memory SQLite connection across its
            # request threads, so concurrent requests would interleave transactions.
            "--workers",
            "1",
            "--seed",
            "1",
            "--request-timeout",
            "10",
            "--header",
            f"Authorization: Bearer {key}",
            "--exclude-path",
            "/api/v1/auth/token",
        ],
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS + 110,  # the budget, the server's slowest answers and start-up
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    server_errors = "\n".join(
        record.getMessage() + "\n" + (record.exc_text or "")
        for record in caplog.records
        if record.levelname == "ERROR"
    )
    assert result.returncode == 0, _failures(result.stdout) + result.stderr[-2000:] + server_errors


def _failures(report: str) -> str:
    """The report's failures with their reproductions (its long advice on links comes after
    them and would push them out of a cut tail)."""
    start = report.find("FAILURES")
    end = report.find("WARNINGS", start)
    return report[start:end][:8000] if start >= 0 else report[-6000:]
