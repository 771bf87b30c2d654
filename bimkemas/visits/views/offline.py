"""The visit pages offline: the service worker (a view, so it can name the static files)
and a fresh CSRF token for a visit sent from the phone's queue, maybe hours later."""

import hashlib

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache

SHELL_ASSETS = (
    "vendor/bootstrap/bootstrap.min.css",
    "vendor/bootstrap/bootstrap.bundle.min.js",
    "css/bimkemas.css",
    "js/offline_queue.js",
    "visits/queue.js",
    "visits/visits.js",
)


def _asset_digest() -> bytes:
    digest = hashlib.sha256()
    for path in SHELL_ASSETS:
        found = finders.find(path)
        if isinstance(found, str):
            with open(found, "rb") as file:
                digest.update(file.read())
    return digest.digest()


@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    assets = [static(path) for path in SHELL_ASSETS]
    version = hashlib.sha256("|".join(assets).encode() + _asset_digest()).hexdigest()[:12]
    context = {
        "version": version,
        "assets": assets,
        "queue_js": [static("js/offline_queue.js"), static("visits/queue.js")],
        "scope": reverse("visits_home"),
        "static_prefix": static(""),
        "login_url": reverse("login"),
    }
    body = render_to_string("visits/sw.js", context)
    return HttpResponse(body, content_type="text/javascript; charset=utf-8")


@never_cache
@login_required
def csrf_token(request: HttpRequest) -> HttpResponse:
    user = request.user
    return JsonResponse({"csrf": get_token(request), "user": str(getattr(user, "public_id", ""))})
