"""The deployed WSGI app plus the benchmark floor: `POST /bench/floor` inserts one row into a
one-column table (bench/checkin_setup.py creates it) on the same server, workers and
database connection settings, so the check-in endpoint is compared with the cheapest write
this stack can do, measured in the same run. Used only by the scripts in bench/."""

import json

from django.db import connection, transaction

from config.wsgi import application as django_application

FLOOR_PATH = "/bench/floor"


def floor(start_response):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_floor DEFAULT VALUES")
    body = json.dumps({"ok": True}).encode()
    start_response("201 Created", [("Content-Type", "application/json")])
    return [body]


def application(environ, start_response):
    if environ.get("PATH_INFO") == FLOOR_PATH:
        return floor(start_response)
    return django_application(environ, start_response)
