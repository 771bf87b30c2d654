"""No acknowledged check-in is lost: kill -9 the server again and again under check-in load.

    .venv/bin/python bench/checkin_kill9.py [--kills 20] [--threads 8] [--interval 1.5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bimkemas_bench .venv/bin/python bench/...

Loader threads post self check-ins (a unique Idempotency-Key each) to gunicorn; every
`--interval` seconds the whole server (master and workers) gets SIGKILL and is started
again, `--kills` times. A check-in counts as acknowledged when the server answered 201.
At the end each acknowledged key must be in the database: the script prints acknowledged,
stored (of those acknowledged), lost, and the requests cut off by a kill (no answer), and
exits 1 if any acknowledged check-in was lost. Loops are bounded in count and time, and all
traffic goes to 127.0.0.1.
"""

import argparse
import http.client
import signal
import sys
import threading
import time
import uuid

from checkin_setup import client_tokens, start_server, stop_server

from bimkemas.reporting.models import CheckIn

BODY_BOUNDARY = "----benchboundary"
BODY = (
    f"--{BODY_BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="condition"\r\n\r\ngood\r\n'
    f"--{BODY_BOUNDARY}--\r\n"
).encode()


class Loader:
    def __init__(self, port: int, tokens: list[str]) -> None:
        self.port = port
        self.tokens = tokens
        self.acknowledged: list[str] = []
        self.cut_off = 0
        self.refused = 0
        self.lock = threading.Lock()
        self.running = True

    def post_one(self, token: str) -> None:
        key = f"kill9-{uuid.uuid4()}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": f"multipart/form-data; boundary={BODY_BOUNDARY}",
            "Idempotency-Key": key,
        }
        try:
            connection.request("POST", "/api/v1/me/checkins", BODY, headers)
            status = connection.getresponse().status
        except ConnectionRefusedError:
            with self.lock:
                self.refused += 1
            time.sleep(0.05)
            return
        except (OSError, http.client.HTTPException):
            with self.lock:
                self.cut_off += 1
            return
        finally:
            connection.close()
        if status == 201:
            with self.lock:
                self.acknowledged.append(key)

    def run(self, index: int) -> None:
        sent = 0
        while self.running and sent < 100_000:
            self.post_one(self.tokens[(index + sent) % len(self.tokens)])
            sent += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--interval", type=float, default=1.5)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--port", type=int, default=8198)
    args = parser.parse_args()

    loader = Loader(args.port, client_tokens(args.clients))
    server = start_server(args.port)
    threads = [threading.Thread(target=loader.run, args=(i,)) for i in range(args.threads)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    try:
        for kill in range(1, args.kills + 1):
            time.sleep(args.interval)
            stop_server(server, signal.SIGKILL)
            print(f"kill -9 #{kill}: {len(loader.acknowledged)} acknowledged so far", flush=True)
            server = start_server(args.port)
    finally:
        time.sleep(args.interval)
        loader.running = False
        for thread in threads:
            thread.join(timeout=30)
        stop_server(server)

    acknowledged = set(loader.acknowledged)
    stored = set(
        CheckIn.objects.filter(idempotency_key__in=acknowledged).values_list(
            "idempotency_key", flat=True
        )
    )
    lost = acknowledged - stored
    print(
        f"{args.kills} kills in {time.monotonic() - started:.0f} s: acknowledged "
        f"{len(acknowledged)}, stored {len(stored)}, lost {len(lost)}; cut off by a kill "
        f"(no answer) {loader.cut_off}, refused while restarting {loader.refused}"
    )
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
