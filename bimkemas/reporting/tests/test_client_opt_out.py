import pytest

from bimkemas.audit.models import AuditEvent
from bimkemas.core.errors import ApplicationError
from bimkemas.reporting.models import ClientAccess
from bimkemas.reporting.services.opt_out import client_opt_out_set


def test_it_records_the_opt_out_with_an_audit_row(client_of_alice, alice):
    client_opt_out_set(actor=alice, client=client_of_alice, channel="whatsapp", opted_out=True)

    access = ClientAccess.objects.get(client=client_of_alice)
    assert access.opted_out_channels == ["whatsapp"]
    event = AuditEvent.objects.filter(object_type="clientaccess").get()
    assert (event.actor, event.client_pk, event.action) == (alice, client_of_alice.pk, "update")
    assert event.summary == "Reminders by WhatsApp stopped at the client's request"
    assert event.changes == {"opted_out_channels": [[], ["whatsapp"]]}


def test_it_resumes_a_channel(client_of_alice, alice):
    for channel in ("sms", "whatsapp"):
        client_opt_out_set(actor=alice, client=client_of_alice, channel=channel, opted_out=True)

    client_opt_out_set(actor=alice, client=client_of_alice, channel="sms", opted_out=False)

    assert ClientAccess.objects.get(client=client_of_alice).opted_out_channels == ["whatsapp"]
    assert AuditEvent.objects.filter(object_type="clientaccess").count() == 3


def test_it_writes_nothing_when_nothing_changes(client_of_alice, alice):
    client_opt_out_set(actor=alice, client=client_of_alice, channel="sms", opted_out=False)

    assert not AuditEvent.objects.filter(object_type="clientaccess").exists()


def test_it_refuses_an_unknown_channel(client_of_alice, alice):
    with pytest.raises(ApplicationError) as error:
        client_opt_out_set(actor=alice, client=client_of_alice, channel="pigeon", opted_out=True)

    assert error.value.errors == {"channel": ["Choose WhatsApp or SMS."]}


@pytest.mark.parametrize("persona", ["pat", "erin", "nina"])
def test_it_refuses_whoever_may_not_write_the_client(request, client_of_alice, persona):
    with pytest.raises(ApplicationError):
        client_opt_out_set(
            actor=request.getfixturevalue(persona),
            client=client_of_alice,
            channel="sms",
            opted_out=True,
        )

    assert not ClientAccess.objects.exists()
