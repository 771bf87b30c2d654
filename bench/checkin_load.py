"""Self check-in endpoint under load, against a bare one-row insert on the same server.

    .venv/bin/python bench/checkin_load.py [--clients 200] [--seconds 15] [--connections 50]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bimkemas_bench .venv/bin/python bench/...

Signs in `--clients` demo clients (tokens), starts gunicorn (3 sync workers, persistent
connections) serving the app and `POST /bench/floor`, then runs wrk (-t2) against the floor
and against `POST /api/v1/me/checkins` (multipart answers, a fresh Idempotency-Key per
request, tokens in rotation). Prints requests/s, p50/p99 latency and the ratio to the floor.
"""

import argparse
import json
import re
import subprocess
import tempfile
from pathlib import Path

from checkin_setup import client_tokens, create_floor_table, start_server, stop_server

LUA_DONE = r"""
done = function(summary, latency, requests)
  io.write(string.format("JSON {\"p50\": %f, \"p99\": %f, \"errors\": %d, \"non2xx\": %d}\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
"""

LUA_CHECKIN = r"""
local tokens = {%(tokens)s}
local boundary = "----benchboundary"
local body = "--" .. boundary .. "\r\n" ..
  'Content-Disposition: form-data; name="condition"\r\n\r\ngood\r\n' ..
  "--" .. boundary .. "\r\n" ..
  'Content-Disposition: form-data; name="activity"\r\n\r\nBekerja di kebun\r\n' ..
  "--" .. boundary .. "--\r\n"
local counter = 0
local thread_id = 0
setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local headers = {}
  headers["Authorization"] = "Bearer " .. token
  headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
  headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", tid, counter, math.random(1e9))
  return wrk.format("POST", "/api/v1/me/checkins", headers, body)
end
"""

LUA_FLOOR = (
    r"""
request = function() return wrk.format("POST", "/bench/floor", {}, "") end
"""
    + LUA_DONE
)
LUA_DJANGO_FLOOR = LUA_FLOOR.replace("/bench/floor", "/bench/django-floor")


def run_wrk(port: int, script: str, seconds: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "-s",
        handle.name,
        f"http://127.0.0.1:{port}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(handle.name).unlink()
    figures = json.loads(output.split("JSON ", 1)[1].splitlines()[0])
    figures["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--port", type=int, default=8199)
    args = parser.parse_args()

    tokens = client_tokens(args.clients)
    create_floor_table()
    lua_tokens = ", ".join(f'"{token}"' for token in tokens)
    server = start_server(args.port)
    try:
        run_wrk(args.port, LUA_FLOOR, 3, args.connections)  # warm-up
        floor = run_wrk(args.port, LUA_FLOOR, args.seconds, args.connections)
        django_floor = run_wrk(args.port, LUA_DJANGO_FLOOR, args.seconds, args.connections)
        checkin = run_wrk(
            args.port,
            LUA_CHECKIN.replace("%(tokens)s", lua_tokens) + LUA_DONE,
            args.seconds,
            args.connections,
        )
    finally:
        stop_server(server)
    print(f"{'endpoint':<28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'non-2xx':>8}")
    rows = (
        ("bare insert, WSGI (floor)", floor),
        ("bare insert, Django view", django_floor),
        ("POST /api/v1/me/checkins", checkin),
    )
    for name, row in rows:
        print(
            f"{name:<28} {row['rps']:8.0f} {row['p50']:8.1f} {row['p99']:8.1f} "
            f"{row['errors']:7d} {row['non2xx']:8d}"
        )
    print(
        f"check-in throughput = {checkin['rps'] / floor['rps']:.0%} of the WSGI floor, "
        f"{checkin['rps'] / django_floor['rps']:.0%} of the Django-view floor"
    )


if __name__ == "__main__":
    main()
