import pytest

from bimkemas.litmas.models import LitmasOutline, LitmasType
from bimkemas.litmas.services import report_start, request_assign, standard_outline

pytestmark = pytest.mark.django_db


def test_the_standard_outline_follows_the_official_one_per_type():
    outline = standard_outline()
    codes = [s["code"] for s in outline.sections_for(LitmasType.INTEGRASI)]
    assert codes[0] == "pendahuluan" and codes[-1] == "rekomendasi"
    assert "evaluasi_pembinaan" in codes and "diversi" not in codes
    juvenile = [s["code"] for s in outline.sections_for(LitmasType.DIVERSI)]
    assert "diversi" in juvenile and "evaluasi_pembinaan" not in juvenile


def test_a_new_outline_version_changes_the_editor(make_request, bob, alice, client):
    v1 = standard_outline()
    LitmasOutline.objects.create(
        name="Standar",
        version=2,
        sections=[
            *v1.sections,
            {
                "code": "rencana_bimbingan",
                "heading": "Usulan Rencana Bimbingan",
                "guidance": "Program yang diusulkan.",
                "kind": "text",
                "required": True,
                "order": 999,
            },
        ],
    )
    request = request_assign(actor=bob, request=make_request(), officer=alice)
    report = report_start(actor=alice, request=request)
    assert report.outline.version == 2
    client.force_login(alice)
    page = client.get(f"/litmas/{request.public_id}/report/").content.decode()
    assert "Usulan Rencana Bimbingan" in page
    assert 'name="section_rencana_bimbingan"' in page
