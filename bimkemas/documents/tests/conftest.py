import pytest

from bimkemas.documents.models import OfficeLetterhead


@pytest.fixture
def letterhead(office) -> OfficeLetterhead:
    return OfficeLetterhead.objects.create(
        office=office,
        address="Jl. Kapten A. Rivai No. 90, Palembang",
        phone="0711-352418",
        email="bapas.palembang@kemenimipas.go.id",
        website="bapaspalembang.kemenimipas.go.id",
    )
