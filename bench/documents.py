"""Time the document engine: render_docx and render_pdf of a litmas-sized content (12
sections of text, facts and tables, four pages), the default templates, no database rows.

    .venv/bin/python bench/documents.py            # 10 runs each after 2 warm-ups
    .venv/bin/python bench/documents.py -n 30 --sections 24

Targets: DOCX ≤ 1 s, PDF ≤ 3 s (p95).
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

import django

django.setup()

from bimkemas.accounts.models import Office  # noqa: E402
from bimkemas.documents.render import render_docx, render_pdf  # noqa: E402
from bimkemas.documents.samples import litmas  # noqa: E402

TARGETS = {"render_docx": 1.0, "render_pdf": 3.0}


def timed(function: Callable[[], bytes], runs: int, warmup: int) -> tuple[list[float], int]:
    size = 0
    for _ in range(warmup):
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        size = len(function())
        times.append(time.perf_counter() - start)
    return times, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=10, help="timed runs per renderer")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--sections", type=int, default=12)
    args = parser.parse_args()
    office = Office(code="plg", name="Bapas Kelas I Palembang", address="Jl. Kapten A. Rivai 90")
    content = litmas(args.sections)
    renderers = {
        "render_docx": lambda: render_docx(kind="litmas", office=office, content=content),
        "render_pdf": lambda: render_pdf(kind="litmas", office=office, content=content),
    }
    print(f"litmas content: {args.sections} sections, {args.n} runs after {args.warmup} warm-ups")
    for name, function in renderers.items():
        times, size = timed(function, args.n, args.warmup)
        p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
        verdict = "ok" if p95 <= TARGETS[name] else "OVER TARGET"
        print(
            f"{name:12} p50 {statistics.median(times) * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms"
            f"  max {max(times) * 1000:7.0f} ms  {size / 1024:6.0f} KiB"
            f"  target ≤ {TARGETS[name]:.0f} s: {verdict}"
        )


if __name__ == "__main__":
    main()
