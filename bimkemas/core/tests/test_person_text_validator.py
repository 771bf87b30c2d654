"""Free text about a person refuses what would display differently from what is stored."""

import pytest
from django.core.exceptions import ValidationError

from bimkemas.core.validators import PersonTextField, clean_person_text


@pytest.mark.parametrize(
    "text",
    [
        "\u202e",  # right-to-left override alone
        "Rizal \u202eirkaB",  # displays as "Rizal Bakri"
        "Budi\u200bSantoso",  # zero-width space
        "\u200d\u200c",  # zero-width joiners
        "\u0301\u0308",  # combining marks with nothing to combine with
        "Budi\x07",  # a control character
        "   ",
        "123",
    ],
)
def test_it_refuses_hidden_characters_and_text_without_letters(text):
    with pytest.raises(ValidationError):
        clean_person_text(text)


@pytest.mark.parametrize(
    "text", ["Budi Santoso", "Siti Nur'aini", "Jl. Merdeka No. 9", "I Gusti Ngurah Rai", "Ọlá"]
)
def test_it_accepts_ordinary_names_and_addresses(text):
    assert clean_person_text(text) == text


def test_it_normalises_to_one_code_point_per_letter():
    assert clean_person_text("Jose\u0301") == "Jos\u00e9"


def test_the_form_field_refuses_and_normalises():
    field = PersonTextField(required=False)
    assert field.clean("Jose\u0301") == "Jos\u00e9"
    assert field.clean("") == ""
    with pytest.raises(ValidationError, match="Invisible or control characters"):
        field.clean("Rizal \u202eirkaB")
