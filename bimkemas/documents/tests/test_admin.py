"""The admin: a template upload goes through the service and shows its refusal."""

from django.urls import reverse

from bimkemas.documents.models import DocumentTemplate
from bimkemas.documents.tests.templates import edited_default, upload
from bimkemas.testing import login


def admin_user(dave):
    dave.is_staff = dave.is_superuser = True
    dave.save()
    return dave


def test_a_refused_template_shows_the_error_on_the_form(client, dave, office):
    login(client, admin_user(dave))
    broken = edited_default("litmas", "{{ doc.title }}", "{{ doc.title + }}")
    response = client.post(
        reverse("admin:documents_documenttemplate_add"),
        {"office": office.pk, "kind": "litmas", "file": upload(broken), "note": ""},
    )
    assert response.status_code == 200
    assert "The template does not render: unexpected" in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_an_accepted_template_replaces_the_active_one(client, dave, office):
    login(client, admin_user(dave))
    add = reverse("admin:documents_documenttemplate_add")
    for word in ("A", "B"):
        data = edited_default("litmas", "{{ doc.title }}", "{{ doc.title }} " + word)
        response = client.post(
            add, {"office": office.pk, "kind": "litmas", "file": upload(data), "note": word}
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    assert list(DocumentTemplate.objects.values_list("note", "is_active").order_by("pk")) == [
        ("A", False),
        ("B", True),
    ]
    listing = client.get(reverse("admin:documents_generateddocument_changelist"))
    assert listing.status_code == 200
