"""Checks for free text about a person (names, places, addresses), shared by forms and the API.

Text that shows differently from what it is stored as defeats duplicate warnings and misleads
readers: "Rizal \\u202eirkaB" displays as "Rizal Bakri". So invisible format characters
(Unicode category Cf: bidirectional controls, zero-width spaces and joiners), control
characters (Cc) other than ordinary whitespace and lone surrogates (Cs, which no database
stores) are refused, as is text without a letter, such as a combining mark alone.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def validate_person_text(value: str) -> None:
    """Refuse hidden or control characters, and text with no letter at all."""
    for char in value:
        category = unicodedata.category(char)
        if category in ("Cf", "Cs") or (category == "Cc" and char not in _ALLOWED_CONTROLS):
            raise ValidationError(
                _("Invisible or control characters are not allowed (code U+%(code)04X)."),
                code="hidden_character",
                params={"code": ord(char)},
            )
    if not any(unicodedata.category(char).startswith("L") for char in value):
        raise ValidationError(_("Enter text with at least one letter."), code="no_letter")


def clean_person_text(value: str) -> str:
    """The text in NFC form (one code point per accented letter), checked; "" stays ""."""
    value = unicodedata.normalize("NFC", value)
    if value:
        validate_person_text(value)
    return value


class PersonTextField(forms.CharField):
    """A form field for a name, place or address: stripped, NFC-normalised and checked."""

    def to_python(self, value: object) -> str | None:
        text = super().to_python(value)
        return unicodedata.normalize("NFC", text) if text else text

    def validate(self, value: str) -> None:
        super().validate(value)
        if value not in self.empty_values:
            validate_person_text(value)
