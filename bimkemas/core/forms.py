"""Form helpers shared by every app: Bootstrap styling, date inputs, edge checks, and putting
a service's errors back on a form."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

EARLIEST_DATE = dt.date(1900, 1, 1)


DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def parse_date_input(value: str) -> dt.date | None:
    """A date typed as dd/mm/yyyy (or ISO, as tests and older pages send), else None."""
    for fmt in DATE_INPUT_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


class DateInput(forms.DateInput):
    """A text box for dd/mm/yyyy. Not the browser's date picker: that one follows the
    browser's locale, so 12/02/2026 might mean December the 2nd or the 12th of February.

    The typed date is handed to the form field in ISO form, which every locale's field
    accepts: a dd/mm/yyyy value never depends on the English or Indonesian input formats.
    """

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": _("dd/mm/yyyy"), "autocomplete": "off", "maxlength": "10"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format=DATE_INPUT_FORMATS[0])

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str):
            day = parse_date_input(value)
            if day is not None:
                return day.isoformat()
        return value

    def format_value(self, value: Any) -> str | None:
        # A form shown again holds what was typed, already turned into ISO above.
        if isinstance(value, str) and (day := parse_date_input(value)) is not None:
            return day.strftime(DATE_INPUT_FORMATS[0])
        return super().format_value(value)


EMPTY_LABEL = _("— choose —")


def _label_the_empty_choice(field: forms.Field) -> None:
    """ "— choose —" instead of Django's "---------" in a select's empty option."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = EMPTY_LABEL
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)  # type: ignore[arg-type]
        if choices and choices[0][0] in ("", None) and choices[0][1] == "---------":
            field.choices = [("", EMPTY_LABEL), *choices[1:]]


class BootstrapMixin:
    """Bootstrap classes on every widget, and `is-invalid` on fields with errors."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
                _label_the_empty_choice(field)
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            widget = self.fields[name].widget if name in self.fields else None
            if widget is not None and "is-invalid" not in widget.attrs.get("class", ""):
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid"


class UnvalidatedModelForm(BootstrapMixin, forms.ModelForm):
    """A ModelForm used for its fields only (labels, lengths, choices). The record itself is
    validated by the service, which says what is wrong in its own words instead of the
    model's bare "constraint violated"."""

    def _post_clean(self) -> None:
        return None


def check_real_date(value: dt.date | None, *, future_ok: bool = True) -> None:
    if value is None:
        return
    if value < EARLIEST_DATE:
        raise ValidationError(_("Enter a real date."))
    if not future_ok and value > today():
        raise ValidationError(_("This date is in the future."))


def add_application_errors(form: forms.BaseForm, error: ApplicationError) -> None:
    """Put a service's {field: [messages]} on the form; unknown fields become form errors."""
    for field, messages in error.errors.items():
        form.add_error(field if field in form.fields else None, messages)


class LoginForm(AuthenticationForm):
    """Django's login form with a message that reads naturally in Indonesian: Django's own
    puts the field's name into "Masukkan nama pengguna %(username)s …", which then says
    "nama pengguna" twice."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Wrong username or password."),
    }
