from django.db import models
from django.http import HttpRequest
from ninja import Router

from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.api.presenters import work_area
from bimkemas.api.schemas import ReferenceOut
from bimkemas.clients.models import (
    CaseStatus,
    Category,
    ContactKind,
    CrimeCategory,
    DocumentKind,
    Facility,
    Programme,
    Religion,
    Sex,
)
from bimkemas.clients.stages import Stage

router = Router(tags=["reference"])


def _choices(choices: type[models.TextChoices]) -> list[dict]:
    return [{"value": value, "label": str(label)} for value, label in choices.choices]


@router.get("/reference", response={200: ReferenceOut, **READ_ERRORS})
def reference(request: HttpRequest):
    """The lists API clients need to fill in forms."""
    user = actor(request)
    areas = user.office.work_areas.all() if user.office else []
    return {
        "programmes": list(
            Programme.objects.filter(is_active=True).values("code", "name", "caseload_weight")
        ),
        "facilities": list(Facility.objects.values("id", "kind", "name")),
        "work_areas": [work_area(area) for area in areas],
        "crime_categories": _choices(CrimeCategory),
        "document_kinds": _choices(DocumentKind),
        "stages": _choices(Stage),
        "case_statuses": _choices(CaseStatus),
        "categories": _choices(Category),
        "sexes": _choices(Sex),
        "religions": _choices(Religion),
        "contact_kinds": _choices(ContactKind),
    }
