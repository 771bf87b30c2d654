"""Form helpers shared by every app: Bootstrap styling, date inputs, edge checks, and putting
a service's errors back on a form."""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError

EARLIEST_DATE = dt.date(1900, 1, 1)


class DateInput(forms.DateInput):
    """The browser's date picker, with the ISO value it expects."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


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
