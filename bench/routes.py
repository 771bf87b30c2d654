"""Time the day route of home visits (issue 7: a day route of 15 visits ≤ 2 s).

Run by hand (not collected by pytest); needs no database:

    .venv/bin/python bench/routes.py              # 15 stops, 5 runs
    .venv/bin/python bench/routes.py -n 25 --runs 3

Stops are drawn around Bapas Palembang's work area (Palembang, Banyuasin, Ogan Ilir: up to
about 60 km from the office). Each run builds the distance matrix and solves the open route
with OR-Tools (PATH_CHEAPEST_ARC + GUIDED_LOCAL_SEARCH, whose time limit grows with the
number of stops: `routes.time_limit_s`). Reported: the wall time per run and the route's
length, plus for up to 9 stops the optimum by brute force.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from bimkemas.visits.routes import (  # noqa: E402
    brute_force,
    distance_matrix,
    plan_route,
    time_limit_s,
)

OFFICE = (-2.976, 104.745)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=15, help="stops per day (default 15)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    times, lengths = [], []
    for _run in range(args.runs):
        points = [(rng.uniform(-3.35, -2.75), rng.uniform(104.35, 104.95)) for _ in range(args.n)]
        started = time.perf_counter()
        route = plan_route(OFFICE, [(i, p) for i, p in enumerate(points)])
        times.append(time.perf_counter() - started)
        lengths.append(route.total_km)
        if args.n <= 9:
            optimum, _order = brute_force(distance_matrix(OFFICE, points))
            print(f"  route {route.total_m} m, optimum {optimum} m")
    print(
        f"{args.n} stops, {args.runs} runs: wall p50 {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s (solver limit {time_limit_s(args.n):.1f} s); "
        f"route {statistics.median(lengths):.1f} km median"
    )


if __name__ == "__main__":
    main()
