"""The project's URLs plus the benchmark floor, for bench/floor_wsgi.py only."""

from django.db import connection, transaction
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from config.urls import handler403, handler404, handler500
from config.urls import urlpatterns as project_urls

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


@csrf_exempt
def floor(request: HttpRequest) -> JsonResponse:
    """The cheapest write through the whole stack: one row into a one-column table."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_floor DEFAULT VALUES")
    return JsonResponse({"ok": True}, status=201)


urlpatterns = [path("bench/django-floor", floor), *project_urls]
