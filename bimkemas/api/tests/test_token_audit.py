"""Issuing and revoking an API token leaves an audit row, whoever does it and however."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from bimkemas.accounts.models import ApiToken
from bimkemas.api.tokens import token_create, token_revoke
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.testing import PASSWORD


def token_events():
    return AuditEvent.objects.filter(object_type="apitoken").order_by("pk")


def test_it_audits_a_token_obtained_through_the_api(bob):
    response = Client().post(
        "/api/v1/auth/token",
        {"username": "bob", "password": PASSWORD, "name": "laptop"},
        content_type="application/json",
    )

    assert response.status_code == 201
    event = token_events().get()
    token = ApiToken.objects.get()
    assert (event.actor, event.action, event.object_id) == (bob, AuditAction.CREATE, str(token.pk))
    assert event.channel == "api"
    assert "laptop" in event.summary


def test_it_audits_a_token_created_on_the_command_line(bob):
    call_command("create_token", "bob", "--name", "sync job", stdout=StringIO())

    event = token_events().get()
    assert (event.actor, event.action) == (None, AuditAction.CREATE)
    assert "sync job" in event.summary and "bob" in event.summary


def test_it_audits_a_revocation_once(bob, dave):
    token, _key = token_create(actor=bob, user=bob, name="script")

    token_revoke(actor=dave, token=token)
    token_revoke(actor=dave, token=token)

    revoked = token_events().filter(action=AuditAction.STATUS).get()
    assert revoked.actor == dave
    assert "revoked" in revoked.summary
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_command_revokes_by_prefix(bob):
    token, key = token_create(actor=None, user=bob, name="script")

    call_command("revoke_token", "bob", key[:8], stdout=StringIO())

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token_events().filter(action=AuditAction.STATUS).exists()
