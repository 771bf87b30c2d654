"""The deployed WSGI app plus two benchmark floors on the same server, workers and database
settings, so the check-in endpoint is compared with the cheapest writes measured in the same
run: `POST /bench/floor` inserts one row into a one-column table (bench/checkin_setup.py
creates it) straight from WSGI; `POST /bench/django-floor` does the same through Django's
whole middleware stack (bench/urls.py). Used only by the scripts in bench/."""

import json

from django.conf import settings
from django.db import connection, transaction

from config.wsgi import application as django_application

settings.ROOT_URLCONF = "bench.urls"

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
