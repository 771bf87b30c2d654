"""A valid body for POST /api/v1/intake, shared by the intake API tests."""

import datetime as dt

from bimkemas.accounts.models import WorkArea
from bimkemas.clients.models import Facility
from bimkemas.core.dates import today
from bimkemas.testing import make_nik

BIRTH = dt.date(1988, 9, 12)


def intake_payload(work_area: WorkArea, facility: Facility, **identity) -> dict:
    start = today() - dt.timedelta(days=10)
    return {
        "identity": {
            "full_name": "Rudi Hartono",
            "nik": make_nik(BIRTH),
            "birth_place": "Lahat",
            "birth_date": str(BIRTH),
            "sex": "L",
            "religion": "islam",
            "category": "dewasa",
            "kelurahan": "Bukit Lama",
            "kecamatan": "Ilir Barat I",
            "work_area": work_area.pk,
            **identity,
        },
        "case": {
            "programme": "PB",
            "origin_facility": facility.pk,
            "sk_number": "PAS-99.PK.05.09 TAHUN 2026",
            "sk_date": str(start - dt.timedelta(days=5)),
            "sk_issuer": "Direktorat Jenderal Pemasyarakatan",
            "offence_law": "KUHP",
            "offence_article": "Pasal 362",
            "crime_category": "pencurian",
            "sentence_years": 2,
            "guidance_start": str(start),
            "guidance_end": str(start + dt.timedelta(days=180)),
        },
        "phones": [{"number": "081299990000", "label": "pribadi"}],
        "guarantors": [{"name": "Wati", "relation": "Ibu", "phone": "081299991111"}],
        "contacts": [{"kind": "rt_rw", "name": "Pak RT", "phone": ""}],
    }
