"""Edge validation for the client pages. The rules themselves live in clients.services."""

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office, User, WorkArea
from bimkemas.clients.models import IDENTITY_FIELDS, Category, Client, DocumentKind, Programme
from bimkemas.clients.selectors import ClientFilters
from bimkemas.clients.stages import Stage
from bimkemas.core.forms import BootstrapMixin, DateInput, UnvalidatedModelForm, check_real_date
from bimkemas.core.validators import PersonTextField, validate_person_text


def person_text_fields(model: type[models.Model]) -> dict[str, type[PersonTextField]]:
    """The model's fields of free text about a person (those checked by
    `validate_person_text`), as form fields that normalise and check them the same way."""
    return {
        field.name: PersonTextField
        for field in model._meta.fields
        if validate_person_text in field.validators
    }


def coordinate_field(label: Any, limit: int) -> forms.DecimalField:
    """Degrees as maps and phones give them (seven or more decimals; the service rounds them
    to six, 11 cm), typed in a text box: phone number pads lack the minus sign of southern
    latitudes."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=-limit,
        max_value=limit,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "aria-describedby": "home-location-help"}
        ),
    )


class ClientForm(UnvalidatedModelForm):
    """A person's identity and address, at intake and when corrected later. Only the shape of
    each value is checked here; `services.client_intake` / `client_update` check the rules."""

    nik = forms.CharField(
        label=_("NIK"),
        required=False,
        max_length=24,
        help_text=_("16 digits, from the KTP or family card. Leave empty if unknown."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    home_latitude = coordinate_field(_("Home latitude"), 90)
    home_longitude = coordinate_field(_("Home longitude"), 180)

    class Meta:
        model = Client
        fields = IDENTITY_FIELDS
        field_classes = person_text_fields(Client)
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args: Any, office: Office | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = self.fields["work_area"]
        assert isinstance(area, forms.ModelChoiceField)
        area.queryset = WorkArea.objects.filter(office=office)

    def clean_nik(self) -> str:
        nik = re.sub(r"\s", "", self.cleaned_data.get("nik") or "")
        if nik and not re.fullmatch(r"[0-9]{16}", nik):
            raise ValidationError(_("NIK must be exactly 16 digits."))
        return nik

    def clean_birth_date(self) -> dt.date | None:
        birth_date = self.cleaned_data.get("birth_date")
        check_real_date(birth_date, future_ok=False)
        return birth_date

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PhoneForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    label = forms.CharField(
        label=_("Whose / which"),
        max_length=60,
        required=False,
        help_text=_("For example: own, wife, mother."),
    )

    def __init__(self, *args: Any, required: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["number"].required = required

    @property
    def entry(self) -> dict[str, str] | None:
        if not self.cleaned_data.get("number"):
            return None
        return {"number": self.cleaned_data["number"], "label": self.cleaned_data["label"]}


class DocumentForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


class ClientFilterForm(BootstrapMixin, forms.Form):
    """The search box and filters of the client list. Bad values are dropped, not fatal."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    area = forms.TypedChoiceField(label=_("Work area"), required=False, coerce=int)
    officer = forms.TypedChoiceField(label=_("Officer"), required=False, coerce=int)
    category = forms.ChoiceField(label=_("Category"), required=False)
    closed = forms.BooleanField(label=_("Include closed cases"), required=False)
    ending = forms.BooleanField(label=_("Ending soon"), required=False)
    unassigned = forms.BooleanField(label=_("No officer yet"), required=False)
    phones = forms.BooleanField(label=_("Phones to check"), required=False)

    def __init__(self, *args: Any, user: User, officers=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ending_soon_days = user.office.ending_soon_days if user.office else 0
        everyone = [("", _("All"))]
        self._set_choices("stage", everyone + list(Stage.choices))
        programmes = [(p.code, str(p)) for p in Programme.objects.all()]
        self._set_choices("programme", everyone + programmes)
        areas = WorkArea.objects.filter(office=user.office)
        self._set_choices("area", everyone + [(a.pk, str(a)) for a in areas])
        self._set_choices("category", everyone + list(Category.choices))
        if officers is None:
            del self.fields["officer"]
            del self.fields["unassigned"]
        else:
            self._set_choices("officer", everyone + [(o.pk, str(o)) for o in officers])

    def _set_choices(self, name: str, choices: list) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def filters(self) -> ClientFilters:
        """The valid values only: an unknown stage or a non-numeric area is ignored."""
        self.is_valid()
        data = self.cleaned_data
        return ClientFilters(
            q=data.get("q") or "",
            stage=data.get("stage") or "",
            programme=data.get("programme") or "",
            area=data.get("area") or None,
            officer=data.get("officer") or None,
            category=data.get("category") or "",
            status="" if data.get("closed") else "open",
            ending_within=self.ending_soon_days if data.get("ending") else None,
            unassigned=bool(data.get("unassigned")),
            phones_to_check=bool(data.get("phones")),
        )
