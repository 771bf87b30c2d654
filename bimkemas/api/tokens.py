"""Issuing and revoking API tokens, audited. Interfaces (the API, the command) call these;
`accounts.tokens` holds the key handling and cannot import the audit layer above it."""

from django.db import transaction
from django.utils.translation import gettext as _

from bimkemas.accounts import tokens
from bimkemas.accounts.models import ApiToken, User
from bimkemas.audit.models import AuditAction
from bimkemas.audit.services import audit_record


def token_create(*, actor: User | None, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user` and its key, shown once. `actor` is None for the command line."""
    with transaction.atomic():
        token, key = tokens.token_create(user=user, name=name)
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=token,
            summary=_("API token “%(name)s” issued to %(user)s")
            % {"name": token.name, "user": user.username},
        )
    return token, key


def token_revoke(*, actor: User | None, token: ApiToken) -> ApiToken:
    """Revoke a token; revoking one already revoked changes and records nothing."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
        if token.revoked_at is not None:
            return token
        tokens.token_revoke(token=token)
        audit_record(
            actor=actor,
            action=AuditAction.STATUS,
            obj=token,
            summary=_("API token “%(name)s” of %(user)s revoked")
            % {"name": token.name, "user": token.user.username},
        )
    return token
