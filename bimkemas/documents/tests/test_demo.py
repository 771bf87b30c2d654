import datetime as dt

from bimkemas.accounts.models import Role
from bimkemas.core.demo_context import DemoContext
from bimkemas.documents.demo import generate
from bimkemas.documents.models import GeneratedDocument, OfficeLetterhead, letterhead_for
from bimkemas.testing import make_user


def test_the_demo_writes_letterheads_and_the_demo_pks_cards(make_case, office, other_office):
    pk = make_user("pk", office, Role.PK, rank="muda")
    cases = [make_case(officer=pk, identity={"nik": None, "full_name": n}) for n in "ABCD"]
    ctx = DemoContext(
        seed=1, day=dt.date(2026, 12, 2), office_ids=[office.pk, other_office.pk], log=print
    )
    generate(ctx)
    generate(ctx)  # a second run adds card versions, never a second letterhead
    assert OfficeLetterhead.objects.count() == 2
    assert letterhead_for(office).email == "bapas.plg@kemenimipas.go.id"
    cards = GeneratedDocument.objects.filter(kind="guidance_card")
    assert cards.count() == 6
    assert set(cards.values_list("client_pk", flat=True)) < {c.client_id for c in cases}
