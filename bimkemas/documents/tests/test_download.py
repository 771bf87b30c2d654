"""Who may download a generated document: those who see its client, or for an office's own
document its staff; everyone else a 404. Each download is audited."""

import pytest
from django.urls import reverse

from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.documents.samples import sample_content
from bimkemas.documents.services import document_generate
from bimkemas.testing import login


@pytest.fixture
def litmas_docx(alice, case):
    return document_generate(
        actor=alice,
        kind="litmas",
        source=case,
        office=case.office,
        content=sample_content("litmas"),
        fmt="docx",
        client=case.client,
    )


@pytest.fixture
def minutes_pdf(bob, office):
    # TPP minutes concern the office, not one client: the office itself stands as source here.
    return document_generate(
        actor=bob,
        kind="tpp_minutes",
        source=office,
        office=office,
        content=sample_content("tpp_minutes"),
        fmt="pdf",
    )


def url(document) -> str:
    return reverse("generated_document_download", args=[document.public_id])


def test_the_own_officer_downloads_it_with_its_name_and_the_download_is_audited(
    client, alice, case, litmas_docx
):
    login(client, alice)
    response = client.get(url(litmas_docx))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="litmas-W6-PAS-PAS-1-PK-01-05-02-0123-v1.docx"' in disposition
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content)[:2] == b"PK"
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (event.actor, event.client_pk, event.object_id) == (
        alice,
        case.client_id,
        str(litmas_docx.public_id),
    )


def test_a_supervisor_of_the_office_downloads_it(client, bob, litmas_docx):
    login(client, bob)
    assert client.get(url(litmas_docx)).status_code == 200


@pytest.mark.parametrize("persona", ["erin", "nina", "pat"])
def test_others_get_a_404_and_nothing_is_audited(client, request, persona, litmas_docx):
    login(client, request.getfixturevalue(persona))
    assert client.get(url(litmas_docx)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_anonymous_is_sent_to_sign_in(client, litmas_docx):
    response = client.get(url(litmas_docx))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_an_office_document_is_for_its_staff_only(client, alice, erin, nina, minutes_pdf):
    login(client, alice)
    response = client.get(url(minutes_pdf))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    for outsider in (erin, nina):
        login(client, outsider)
        assert client.get(url(minutes_pdf)).status_code == 404


def test_an_unknown_id_is_a_404(client, alice):
    login(client, alice)
    missing = reverse("generated_document_download", args=["0" * 8 + "-0000-0000-0000-" + "0" * 12])
    assert client.get(missing).status_code == 404
