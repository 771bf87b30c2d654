"""API tokens: a random key shown once, stored only as its SHA-256 hash."""

import datetime as dt
import hashlib
import secrets

from django.db.models import Q
from django.utils import timezone

from bimkemas.accounts.models import ApiToken, User

# Recording every use would write on every request; a minute is precise enough.
LAST_USED_PRECISION = dt.timedelta(minutes=1)
MAX_KEY_LENGTH = 200


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; the returned key is never stored and cannot be shown again."""
    key = secrets.token_urlsafe(32)
    while key.startswith("-"):  # its prefix names it on the command line, not as an option
        key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=_hash(key), prefix=key[:8])
    return token, key


def token_authenticate(key: str) -> User | None:
    """The active user behind an unrevoked key, or None."""
    if not key or len(key) > MAX_KEY_LENGTH:
        return None
    token = (
        ApiToken.objects.select_related("user", "user__office")
        .filter(key_hash=_hash(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
    ).update(last_used_at=now)
    return token.user


def token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token
