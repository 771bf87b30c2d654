from bimkemas.notifications.models import Channel, Notification
from bimkemas.notifications.services import notification_enqueue


def test_it_keeps_one_row_when_the_same_purpose_is_enqueued_twice(pat):
    pat.email = "pat@bapas.example"
    pat.save()
    for subject in ("First", "Second"):
        notification_enqueue(
            recipient=pat,
            purpose_key="case-assigned:1",
            subject=subject,
            channels=(Channel.IN_APP, Channel.EMAIL),
        )

    rows = Notification.objects.order_by("channel").values_list("channel", "subject")
    assert list(rows) == [("email", "First"), ("in_app", "First")]
