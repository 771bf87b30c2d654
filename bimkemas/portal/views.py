"""The client's self check-in app under /lapor/: activation, sign-in, home, check-in.

Every page works as a plain form; `static/portal/lapor.js` adds the offline queue (it sends
the same form with `Accept: application/json` and gets JSON back)."""

import hashlib

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import add_application_errors
from bimkemas.portal.forms import ActivationForm, CheckInForm, SignInForm
from bimkemas.portal.session import (
    client_required,
    client_sign_in,
    client_sign_out,
    signed_in_access,
    wants_json,
)
from bimkemas.reporting.models import CheckIn, ClientAccess
from bimkemas.reporting.services.checkins import IdempotencyKeyReused, checkin_submit_self
from bimkemas.reporting.services.client_app import (
    access_activate,
    access_open_case,
    access_sign_in,
    audit_client_read,
    client_overview,
    reported_at,
)

MAX_PHOTOS = 3
SHELL_ASSETS = (
    "portal/lapor.css",
    "portal/lapor.js",
    "js/offline_queue.js",
    "portal/queue.js",
    "portal/icon-192.png",
    "portal/icon-512.png",
)


def activate(request: HttpRequest) -> HttpResponse:
    initial = {"code": request.GET.get("kode", "")[:20]}
    form = ActivationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            access = access_activate(
                register_number=form.cleaned_data["register_number"],
                birth_date=form.cleaned_data["birth_date"],
                code=form.cleaned_data["code"],
                pin=form.cleaned_data["pin"],
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            client_sign_in(request, access)
            messages.success(request, _("Your app is ready. Next time, sign in with your PIN."))
            return redirect("portal:home")
    return render(request, "portal/activate.html", {"form": form})


def sign_in(request: HttpRequest) -> HttpResponse:
    if signed_in_access(request) is not None and request.method == "GET":
        return redirect("portal:home")
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access = access_sign_in(
                register_number=form.cleaned_data["register_number"],
                birth_date=form.cleaned_data["birth_date"],
                pin=form.cleaned_data["pin"],
            )
        except ApplicationError as error:
            add_application_errors(form, error)
        else:
            client_sign_in(request, access)
            return redirect(_next_page(request))
    return render(request, "portal/sign_in.html", {"form": form})


def _next_page(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()})
    if allowed and target.startswith(reverse("portal:home")):
        return target
    return reverse("portal:home")


@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        client_sign_out(request)
        messages.info(request, _("You have signed out."))
        return redirect("portal:sign_in")
    return render(request, "portal/sign_out.html")


def forgot_pin(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/forgot_pin.html")


def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/offline.html")


@client_required
def home(request: HttpRequest) -> HttpResponse:
    access: ClientAccess = request.client_access  # type: ignore[attr-defined]
    overview = client_overview(access, today())
    audit_client_read(access, _("Opened the self check-in app"))
    return render(request, "portal/home.html", {"access": access, "overview": overview})


@client_required
def checkin(request: HttpRequest) -> HttpResponse:
    access: ClientAccess = request.client_access  # type: ignore[attr-defined]
    case = access_open_case(access)
    if case is None:
        return _refuse(request, _("You have no guidance period to report for."))
    form = CheckInForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return _invalid(request, form)
        owner = form.cleaned_data["owner"]
        if owner is not None and owner != access.public_id:
            # Saved on this phone by someone else who signed in here before.
            return _refuse(request, _("This saved report belongs to someone else."), 409)
        try:
            record = checkin_submit_self(
                access=access,
                case=case,
                occurred_at=reported_at(form.cleaned_data["filled_at"]),
                answers=form.answers(),
                needs=form.cleaned_data["needs"],
                wants_call_back=form.cleaned_data["wants_call_back"],
                selfie=request.FILES.get("selfie"),
                photos=_photos(request),
                latitude=form.cleaned_data["latitude"],
                longitude=form.cleaned_data["longitude"],
                accuracy_m=form.cleaned_data["accuracy"],
                idempotency_key=form.cleaned_data["key"],
            )
        except IdempotencyKeyReused:
            # The same form sent again after changes (back button, no script): the first
            # report stands; a new report needs a new form.
            record = CheckIn.objects.get(case=case, idempotency_key=form.cleaned_data["key"])
            messages.info(request, _("This report was already sent."))
        except ApplicationError as error:
            add_application_errors(form, error)
            return _invalid(request, form)
        done = reverse("portal:done", args=[record.public_id])
        if wants_json(request):
            return JsonResponse({"id": str(record.public_id), "done_url": done}, status=201)
        return redirect(done)
    context = {"form": form, "access": access, "max_photos": MAX_PHOTOS}
    return render(request, "portal/checkin.html", context)


def _photos(request: HttpRequest) -> list:
    photos = request.FILES.getlist("photos")
    if len(photos) > MAX_PHOTOS:
        raise ApplicationError(
            _("Send at most %(count)d photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    return photos


def _invalid(request: HttpRequest, form: CheckInForm) -> HttpResponse:
    if wants_json(request):
        errors = {field: [str(m) for m in msgs] for field, msgs in form.errors.items()}
        detail = next(iter(errors.values()))[0] if errors else _("The report is not complete.")
        return JsonResponse({"detail": detail, "errors": errors}, status=400)
    context = {"form": form, "max_photos": MAX_PHOTOS, "access": request.client_access}  # type: ignore[attr-defined]
    return render(request, "portal/checkin.html", context, status=400)


def _refuse(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"detail": message, "errors": {}}, status=status)
    messages.error(request, message)
    return redirect("portal:home")


@client_required
def done(request: HttpRequest, public_id) -> HttpResponse:
    access: ClientAccess = request.client_access  # type: ignore[attr-defined]
    record = CheckIn.objects.filter(public_id=public_id, case__client=access.client).first()
    if record is None:
        raise Http404
    return render(request, "portal/done.html", {"checkin": record})


@client_required
def csrf_token(request: HttpRequest) -> HttpResponse:
    """A fresh CSRF token for a report sent from the phone's queue, maybe days later."""
    access: ClientAccess = request.client_access  # type: ignore[attr-defined]
    return JsonResponse({"csrf": get_token(request), "owner": str(access.public_id)})


@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    assets = [static(path) for path in SHELL_ASSETS]
    version = hashlib.sha256("|".join(assets).encode() + _asset_bytes()).hexdigest()[:12]
    context = {
        "version": version,
        "assets": assets,
        "queue_js": [static("js/offline_queue.js"), static("portal/queue.js")],
        "offline_url": reverse("portal:offline"),
        "scope": reverse("portal:home"),
        "checkin_url": reverse("portal:checkin"),
        "token_url": reverse("portal:csrf_token"),
    }
    body = render_to_string("portal/sw.js", context)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = reverse("portal:home")
    return response


def _asset_bytes() -> bytes:
    digest = hashlib.sha256()
    for path in SHELL_ASSETS:
        found = finders.find(path)
        if found:
            with open(found, "rb") as file:
                digest.update(file.read())
    return digest.digest()


def manifest(request: HttpRequest) -> HttpResponse:
    body = {
        "name": "Lapor Bapas",
        "short_name": "Lapor",
        "description": _("Report to your Bapas officer from your phone."),
        "lang": "id",
        "start_url": reverse("portal:home"),
        "scope": reverse("portal:home"),
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5394",
        "icons": [
            {"src": static("portal/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("portal/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("portal/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return JsonResponse(body, content_type="application/manifest+json")
