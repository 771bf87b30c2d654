from bimkemas.accounts.models import Role
from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Channel, DeliveryAttempt, Notification, Status
from bimkemas.notifications.services import notification_enqueue
from bimkemas.testing import make_user


def test_it_delivers_through_the_console_transport_by_default(_console_file, office):
    officer = make_user("sari", office, Role.PK, phone="+6281270001234")
    notification_enqueue(
        recipient=officer,
        purpose_key="test:console",
        subject="Wajib lapor besok",
        url="/clients/",
        channels=(Channel.SMS,),
    )

    assert deliver_due() == 1

    notification = Notification.objects.get()
    assert (notification.status, notification.address) == (Status.SENT, "+6281270001234")
    attempt = DeliveryAttempt.objects.get()
    assert (attempt.transport, attempt.ok) == ("console", True)
    assert "sms to +6281270001234: Wajib lapor besok /clients/" in _console_file.read_text()
