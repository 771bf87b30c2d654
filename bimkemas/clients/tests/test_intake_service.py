"""client_intake: one transaction that registers a person, their case, contacts and papers."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum

from bimkemas.accounts.models import Role, WorkArea
from bimkemas.audit.models import AuditAction, AuditEvent
from bimkemas.clients.models import (
    CaseDocument,
    CaseStatus,
    Client,
    ClientPhone,
    Guarantor,
    LocalContact,
    RegisterCounter,
    SupervisionCase,
)
from bimkemas.clients.services import case_assign, case_close, client_intake
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.testing import (
    case_data,
    identity_data,
    make_nik,
    make_user,
    pdf_upload,
    png_upload,
)


@pytest.fixture
def intake(carol, work_area, pb, facility):
    """intake(identity={...}, case={...}, **more) as carol, the registrar."""

    def run(*, actor=None, identity=None, case=None, **more):
        case = dict(case or {})
        return client_intake(
            actor=actor or carol,
            identity=identity_data(work_area, **(identity or {})),
            case=case_data(case.pop("programme", pb), facility, **case),
            **more,
        )

    return run


def counts() -> dict:
    return {
        "clients": Client.objects.count(),
        "cases": SupervisionCase.objects.count(),
        "phones": ClientPhone.objects.count(),
        "guarantors": Guarantor.objects.count(),
        "contacts": LocalContact.objects.count(),
        "documents": CaseDocument.objects.count(),
        "audit": AuditEvent.objects.count(),
        "register": RegisterCounter.objects.aggregate(n=Sum("last"))["n"],
    }


def test_it_registers_the_client_and_the_case(intake, office, carol):
    case = intake()
    assert case.client.office == office
    assert case.client.full_name == "Budi Santoso"
    assert case.status == CaseStatus.REGISTERED
    assert case.officer is None
    assert case.registered_by == carol
    assert case.received_on == case.guidance_start


def test_it_numbers_cases_in_the_register_per_year(intake):
    year = today().year
    first = intake(identity={"full_name": "Budi Santoso"})
    second = intake(identity={"full_name": "Andi Saputra"})
    assert first.register_number == f"0001/PB/D/{year}/PLG"
    assert second.register_number == f"0002/PB/D/{year}/PLG"
    assert RegisterCounter.objects.get(year=year).last == 2


def test_it_starts_a_new_sequence_in_a_new_year(intake):
    received = dt.date(today().year - 1, 12, 30)
    earlier = intake(
        identity={"full_name": "Andi Saputra"},
        case={"guidance_start": received, "received_on": received},
    )
    now = intake()
    assert earlier.register_number == f"0001/PB/D/{received.year}/PLG"
    assert now.register_number == f"0001/PB/D/{today().year}/PLG"
    assert RegisterCounter.objects.count() == 2


def test_it_marks_a_juvenile_with_category_a(intake, cb):
    birth = dt.date(today().year - 16, 3, 1)
    case = intake(
        identity={"category": "anak", "birth_date": birth, "nik": make_nik(birth)},
        case={"programme": cb},
    )
    assert case.register_number == f"0001/CB/A/{today().year}/PLG"


def test_it_stores_the_stage_dates(intake):
    start = dt.date(2025, 1, 1)
    case = intake(case={"guidance_start": start, "guidance_end": dt.date(2025, 12, 31)})
    assert case.lanjutan_from == dt.date(2025, 4, 3)
    assert case.akhir_from == dt.date(2025, 10, 2)


def test_it_stores_phones_guarantors_and_contacts(intake):
    case = intake(
        phones=[{"number": "0812-7000-1234", "label": "pribadi"}, {"number": "0711 352000"}],
        guarantors=[{"name": "Siti Aminah", "relation": "Istri", "phone": "+62 812 7000 9876"}],
        contacts=[{"kind": "rt_rw", "name": "Pak Rahmat", "phone": "0813-1111-2222"}],
    )
    client = case.client
    assert sorted(client.phones.values_list("number", flat=True)) == [
        "+62711352000",
        "+6281270001234",
    ]
    assert client.phones.get(number="+6281270001234").label == "pribadi"
    assert client.guarantors.get().phone == "+6281270009876"
    contact = client.local_contacts.get()
    assert (contact.kind, contact.phone) == ("rt_rw", "+6281311112222")


def test_it_stores_the_handover_documents(intake):
    case = intake(documents=[("sk", pdf_upload()), ("photo_front", png_upload())])
    kinds = dict(case.documents.values_list("kind", "content_type"))
    assert kinds == {"sk": "application/pdf", "photo_front": "image/png"}
    client = Client.objects.get(pk=case.client_id)
    assert client.photo == case.documents.get(kind="photo_front")


def test_it_keeps_the_front_photo_when_side_photos_follow(intake):
    case = intake(
        documents=[
            ("photo_front", png_upload("depan.png")),
            ("photo_side", png_upload("samping.png")),
            ("photo_back", png_upload("belakang.png")),
        ]
    )
    client = Client.objects.get(pk=case.client_id)
    assert client.photo.original_name == "depan.png"


def test_it_uses_a_side_photo_when_there_is_no_front_one(intake):
    case = intake(documents=[("photo_side", png_upload("samping.png"))])
    assert Client.objects.get(pk=case.client_id).photo.original_name == "samping.png"


def test_it_audits_every_record_it_creates(intake, carol):
    case = intake(
        phones=[{"number": "081270001234"}],
        guarantors=[{"name": "Siti Aminah", "relation": "Istri"}],
        documents=[("sk", pdf_upload())],
    )
    events = AuditEvent.objects.filter(client_pk=case.client_id)
    assert set(events.values_list("actor", flat=True)) == {carol.pk}
    assert set(events.values_list("action", flat=True)) == {AuditAction.CREATE}
    assert sorted(events.values_list("object_type", flat=True)) == [
        "casedocument",
        "client",
        "clientphone",
        "guarantor",
        "supervisioncase",
    ]
    created = events.get(object_type="client")
    assert created.changes["full_name"] == [None, "Budi Santoso"]
    assert created.changes["birth_date"] == [None, "1990-05-17"]
    assert created.object_id == str(case.client.public_id)
    registered = events.get(object_type="supervisioncase")
    assert registered.changes["register_number"] == [None, case.register_number]
    assert registered.changes["programme"] == [None, "PB — Pembebasan Bersyarat"]
    assert case.register_number in registered.summary


@pytest.mark.parametrize(
    ("identity", "case", "more", "field"),
    [
        ({"nik": "1671011705900000"}, {}, {}, "nik"),
        ({"full_name": "   "}, {}, {}, "full_name"),
        ({}, {"guidance_end": dt.date(2020, 1, 1)}, {}, "guidance_end"),
        ({}, {}, {"phones": [{"number": "0812"}]}, "phones.0.number"),
        ({}, {}, {"guarantors": [{"name": "", "relation": "Istri"}]}, "guarantors.0.name"),
        (
            {},
            {},
            {
                "documents": [
                    ("sk", pdf_upload()),
                    ("photo_front", png_upload()),
                    ("lpp", SimpleUploadedFile("lpp.pdf", b"MZ\x90\x00 not a pdf")),
                ]
            },
            "lpp",
        ),
    ],
)
def test_it_saves_nothing_when_any_part_fails(intake, make_case, identity, case, more, field):
    make_case(identity={"full_name": "Andi Saputra"})  # so the register counter exists
    before = counts()
    with pytest.raises(ApplicationError) as caught:
        intake(identity=identity, case=case, **more)
    assert field in caught.value.errors
    assert counts() == before


def test_it_refuses_a_nik_already_registered(intake, make_case):
    existing = make_case()
    before = counts()
    with pytest.raises(ApplicationError) as caught:
        intake(identity={"full_name": "Budi S.", "nik": existing.client.nik})
    assert caught.value.field == "nik"
    assert counts() == before


def test_it_refuses_a_nik_of_a_client_of_another_office(make_case, other_office):
    existing = make_case()
    area = WorkArea.objects.create(office=other_office, kind="kabupaten", name="OKU")
    oku_registrar = make_user("rani", other_office, Role.REGISTRAR)
    with pytest.raises(ApplicationError):
        client_intake(
            actor=oku_registrar,
            identity=identity_data(area, nik=existing.client.nik),
            case=case_data(existing.programme, existing.origin_facility),
        )


def test_it_refuses_a_nik_whose_sex_does_not_match(intake):
    with pytest.raises(ApplicationError) as caught:
        intake(identity={"sex": "P"})  # identity_data's NIK is a man's
    assert caught.value.field == "nik"
    born = dt.date(1990, 5, 17)
    assert intake(identity={"sex": "P", "nik": make_nik(born, female=True)}).client.sex == "P"


def test_it_refuses_a_second_open_case_for_the_client(intake):
    case = intake()
    with pytest.raises(ApplicationError):
        intake(existing_client=case.client)
    assert case.client.cases.count() == 1


def test_it_opens_a_new_case_for_a_returning_client(intake, make_case, alice, bob):
    first = make_case(officer=alice)
    case_close(actor=bob, case=first, status=CaseStatus.COMPLETED, closed_on=today())
    second = intake(existing_client=first.client)
    assert second.client == first.client
    assert second.pk != first.pk
    assert second.register_number.startswith("0002/")
    assert Client.objects.count() == 1


def test_it_refuses_an_existing_client_of_another_office(make_case, other_office):
    case = make_case()
    case.status = CaseStatus.COMPLETED
    case.save()
    oku_registrar = make_user("rani", other_office, Role.REGISTRAR)
    with pytest.raises(ApplicationError):
        client_intake(
            actor=oku_registrar,
            identity={},
            case=case_data(case.programme, case.origin_facility),
            existing_client=case.client,
        )
    assert SupervisionCase.objects.count() == 1


def test_it_refuses_a_national_viewer(intake, nina):
    before = counts()
    with pytest.raises(ApplicationError):
        intake(actor=nina)
    assert counts() == before


def test_it_leaves_the_case_unassigned_until_a_supervisor_assigns(intake, alice, bob):
    case = intake()
    assert SupervisionCase.objects.unassigned().filter(pk=case.pk).exists()
    case_assign(actor=bob, case=case, officer=alice)
    assert not SupervisionCase.objects.unassigned().filter(pk=case.pk).exists()
