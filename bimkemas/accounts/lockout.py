"""Failed-login lockout (django-axes): who is locked, and from which address a login came.

A failure counts against the username *and* the address it came from, so knowing an
officer's username is not enough to lock them out everywhere. Many failures for one username
from any addresses (a spread-out guessing attack) still lock that username: the ceiling.
"""

import ipaddress

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt, AccessBase
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

PER_ADDRESS = [["username", "ip_address"]]
PER_USERNAME_TOO = [["username", "ip_address"], "username"]


def lockout_parameters(request_or_attempt, credentials: dict | None = None) -> list:
    """AXES_LOCKOUT_PARAMETERS: per username and address, and per username once the
    username's failures from all addresses within the cool-off reach the ceiling."""
    if isinstance(request_or_attempt, AccessBase):
        username = request_or_attempt.username
    else:
        username = get_client_username(request_or_attempt, credentials)
    if username and failures_for_username(username) >= settings.AXES_USERNAME_FAILURE_CEILING:
        return PER_USERNAME_TOO
    return PER_ADDRESS


def failures_for_username(username: str) -> int:
    """Failures from every address whose last attempt is within the cool-off, as axes counts."""
    attempts = AccessAttempt.objects.filter(username=username)
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gt=timezone.now() - cool_off)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def client_ip(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: REMOTE_ADDR, or the trusted proxy's header when one is set.

    The header is believed only when CLIENT_IP_HEADER names it: a client could send it too.
    In X-Forwarded-For the proxy appends the address it saw, so the last entry is the one
    it vouches for.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        value = request.META.get(header, "").split(",")[-1].strip()
        if _is_ip(value):
            return value
    return request.META.get("REMOTE_ADDR")


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
