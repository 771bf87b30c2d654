"""Numbers, file sizes, programmes and dates as an Indonesian reader expects them."""

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise

from bimkemas.audit.models import AuditEvent
from bimkemas.clients.models import (
    CaseDocument,
    Client,
    ClientPhone,
    Guarantor,
    LocalContact,
    SupervisionCase,
)
from bimkemas.clients.services import document_add
from bimkemas.testing import login, pdf_upload


def render(source: str, **context) -> str:
    return Template("{% load bimkemas_tags %}" + source).render(Context(context))


def test_file_sizes_say_b_kb_mb_with_a_decimal_comma_in_indonesian():
    with translation.override("id"):
        assert render("{{ n|filesize }}", n=607) == "607\xa0B"
        assert render("{{ n|filesize }}", n=1_258_291) == "1,2\xa0MB"
        assert render("{{ n|filesize }}", n=2048) == "2,0\xa0KB"
    with translation.override("en"):
        assert render("{{ n|filesize }}", n=1_258_291) == "1.2\xa0MB"


def test_the_client_page_shows_document_sizes_without_bita(client, bob, case, settings):
    settings.LANGUAGE_CODE = "id"
    document_add(actor=bob, case=case, kind="sk", upload=pdf_upload())
    login(client, bob)
    body = client.get(reverse("client_detail", args=[case.client.public_id])).content.decode()
    assert "bita" not in body
    assert "\xa0B</td>" in body or "\xa0KB</td>" in body


def test_programmes_are_shown_with_their_names(client, bob, case, pb):
    assert str(pb) == f"{pb.code} — {pb.name}"
    login(client, bob)
    body = client.get(reverse("client_list")).content.decode()
    assert f'<option value="{pb.code}">{pb.code} — {pb.name}</option>' in body
    overview = client.get(reverse("office_overview")).content.decode()
    assert f"{pb.code} — {pb.name}</a>" in overview


def test_counts_use_the_indonesian_thousands_separator(client, bob, case, settings):
    settings.LANGUAGE_CODE = "id"
    with translation.override("id"):
        assert render("{% load humanize %}{{ n|intcomma }}", n=3661) == "3.661"
    login(client, bob)
    body = client.get(reverse("client_list")).content.decode()
    assert "1 klien" in body or "1 client" in body


def test_the_access_log_shows_changed_dates_as_people_write_them(db):
    event = AuditEvent(
        object_type="supervisioncase", changes={"guidance_end": ["2026-12-02", "2027-01-05"]}
    )
    with translation.override("id"):
        [(_label, old, new)] = event.labelled_changes
    assert (old, new) == ("2 Desember 2026", "5 Januari 2027")


def test_the_access_log_names_objects_with_translatable_model_names():
    for model in (Client, SupervisionCase, ClientPhone, Guarantor, LocalContact, CaseDocument):
        assert isinstance(model._meta.verbose_name, Promise), model
