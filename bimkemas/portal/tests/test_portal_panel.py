from urllib.parse import quote_plus

from django.urls import reverse

from bimkemas.reporting.models import ClientAccess


def client_page(client, case):
    return client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()


def test_it_shows_the_officer_that_the_app_is_not_activated(client, alice, case):
    client.force_login(alice)

    content = client_page(client, case)

    assert "Self check-in app" in content
    assert "has not been given an activation code yet" in content
    assert reverse("portal:issue_code", args=[case.client.public_id]) in content


def test_it_issues_the_code_once_with_a_qr_code_and_a_whatsapp_link(client, alice, case):
    client.force_login(alice)

    response = client.post(reverse("portal:issue_code", args=[case.client.public_id]))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'src="data:image/png;base64,' in content
    assert "https://wa.me/6281270001234?text=" in content
    assert quote_plus(case.register_number) in content  # the client needs it to activate
    assert ClientAccess.objects.filter(client=case.client).exists()
    assert "Activation code issued, not used yet" in client_page(client, case)


def test_it_shows_a_locked_access(client, alice, case, access):
    ClientAccess.objects.update(locked_at=access.activated_at, failed_attempts=5)
    client.force_login(alice)

    assert "Locked since" in client_page(client, case)


def test_a_read_only_officer_sees_the_status_without_the_button(client, bob, pat, case):
    from bimkemas.clients.services import case_grant_access

    case_grant_access(actor=bob, case=case, officer=pat, until=case.guidance_end)
    client.force_login(pat)

    content = client_page(client, case)

    assert "Self check-in app" in content
    assert reverse("portal:issue_code", args=[case.client.public_id]) not in content


def test_an_officer_of_another_bapas_cannot_issue_a_code(client, erin, case):
    client.force_login(erin)

    response = client.post(reverse("portal:issue_code", args=[case.client.public_id]))

    assert response.status_code == 404
    assert not ClientAccess.objects.exists()


def test_a_registrar_cannot_issue_a_code(client, carol, case):
    client.force_login(carol)

    response = client.post(reverse("portal:issue_code", args=[case.client.public_id]))

    assert response.status_code == 302
    assert not ClientAccess.objects.exists()
