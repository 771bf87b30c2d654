from django.core import mail
from django.urls import reverse

from bimkemas.clients.services import case_assign
from bimkemas.notifications.delivery import deliver_due
from bimkemas.notifications.models import Channel, Notification, Status
from bimkemas.testing import login


def test_it_tells_the_officer_of_a_new_assignment_in_the_app(client, bob, pat, make_case):
    new = make_case(identity={"full_name": "Andi Wijaya"})

    case_assign(actor=bob, case=new, officer=pat)

    notification = Notification.objects.get(recipient=pat)
    assert notification.channel == Channel.IN_APP
    assert notification.subject == f"New client assigned: Andi Wijaya ({new.register_number})"
    assert notification.url == reverse("client_detail", args=[new.client.public_id])
    assert notification.status == Status.SENT  # in-app counts as delivered on creation
    assert notification.read_at is None


def test_it_shows_the_notification_with_an_unread_count_and_marks_it_read(
    client, bob, pat, make_case
):
    new = make_case(identity={"full_name": "Andi Wijaya"})
    case_assign(actor=bob, case=new, officer=pat)
    login(client, pat)

    page = client.get(reverse("notification_list")).content.decode()
    assert "New client assigned: Andi Wijaya" in page
    assert "Unread" in page
    assert '1<span class="visually-hidden"> unread</span>' in page  # the navigation bar

    notification = Notification.objects.get(recipient=pat)
    response = client.post(reverse("notification_read", args=[notification.public_id]))

    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None
    page = client.get(reverse("notification_list")).content.decode()
    assert "Unread" not in page
    assert 'visually-hidden"> unread' not in page


def test_it_emails_the_officer_through_the_outbox_when_email_is_configured(
    settings, bob, pat, make_case
):
    settings.EMAIL_HOST = "smtp.example.org"
    settings.NOTIFICATION_TRANSPORTS = {
        **settings.NOTIFICATION_TRANSPORTS,
        "email": "bimkemas.notifications.transports.EmailTransport",
    }
    pat.email = "pat@bapas.example"
    pat.save()
    new = make_case(identity={"full_name": "Andi Wijaya"})

    mail.outbox = []

    case_assign(actor=bob, case=new, officer=pat)
    assert mail.outbox == []  # nothing leaves before the job runs

    assert deliver_due() == 1
    assert deliver_due() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["pat@bapas.example"]
    assert mail.outbox[0].subject.startswith("New client assigned: Andi Wijaya")
    email = Notification.objects.get(channel=Channel.EMAIL)
    assert (email.status, email.attempts) == (Status.SENT, 1)


def test_it_sends_no_email_when_email_is_not_configured(settings, bob, pat, make_case):
    settings.NOTIFICATION_TRANSPORTS = {"email": ""}
    pat.email = "pat@bapas.example"
    pat.save()

    case_assign(actor=bob, case=make_case(), officer=pat)

    assert list(Notification.objects.values_list("channel", flat=True)) == [Channel.IN_APP]
