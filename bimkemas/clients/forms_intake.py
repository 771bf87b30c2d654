"""Forms for receiving a client: identity, contacts, the case and the handover documents.

The forms check only what can be seen at the edge (real and ordered dates, the shape of a
NIK, the type of a file); `services.client_intake` checks the rest and its errors are put
back on these forms by `IntakeForms.add_service_errors`.
"""

import hashlib
import json
import re
import secrets
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import User
from bimkemas.clients.access import visible_clients
from bimkemas.clients.forms import ClientForm, PhoneForm
from bimkemas.clients.models import (
    CASE_TERMS_FIELDS,
    SENTENCE_LIMITS,
    Client,
    ContactKind,
    DocumentKind,
    Facility,
    Programme,
    SupervisionCase,
)
from bimkemas.clients.uploads import check_upload
from bimkemas.core.dates import today
from bimkemas.core.errors import ApplicationError
from bimkemas.core.forms import BootstrapMixin, DateInput, UnvalidatedModelForm, check_real_date
from bimkemas.core.validators import PersonTextField

INTAKE_DOCUMENT_KINDS = (
    DocumentKind.SK,
    DocumentKind.HANDOVER,
    DocumentKind.FINGERPRINTS,
    DocumentKind.PHOTO_FRONT,
    DocumentKind.PHOTO_SIDE,
    DocumentKind.PHOTO_BACK,
    DocumentKind.LPP,
)
PHONE_FORMS = 2
# The intake form's hidden token: its idempotency key and the name of its staged uploads.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,64}")


class GuarantorForm(BootstrapMixin, forms.Form):
    name = PersonTextField(label=_("Guarantor's name"), max_length=200)
    relation = PersonTextField(
        label=_("Relation to client"), max_length=60, help_text=_("For example: wife, father.")
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    address = PersonTextField(label=_("Address"), max_length=300, required=False)


class LocalContactForm(BootstrapMixin, forms.Form):
    """One local contact (RT/RW head, lurah, Bhabinkamtibmas); left empty when unknown."""

    name = PersonTextField(label=_("Name"), max_length=200, required=False)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, prefix=kind, **kwargs)
        self.kind = kind
        self.title = ContactKind(kind).label

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("phone") and not cleaned.get("name"):
            self.add_error("name", _("Enter the name of the person with this phone number."))
        return cleaned

    @property
    def entry(self) -> dict[str, str] | None:
        if not self.cleaned_data.get("name"):
            return None
        return {"kind": self.kind, **{k: self.cleaned_data[k] for k in ("name", "phone")}}


class CaseForm(UnvalidatedModelForm):
    class Meta:
        model = SupervisionCase
        fields: tuple[str, ...] = CASE_TERMS_FIELDS
        widgets = {
            "sk_date": DateInput(),
            "guidance_start": DateInput(),
            "guidance_end": DateInput(),
            "received_on": DateInput(),
            "general_conditions": forms.Textarea(attrs={"rows": 3}),
            "special_conditions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = self.fields["programme"]
        facility = self.fields["origin_facility"]
        assert isinstance(programme, forms.ModelChoiceField)
        assert isinstance(facility, forms.ModelChoiceField)
        programme.queryset = Programme.objects.filter(is_active=True)
        facility.queryset = Facility.objects.all()
        self.fields["received_on"].initial = today
        for name, limit in SENTENCE_LIMITS.items():
            field = self.fields[name]
            assert isinstance(field, forms.IntegerField)
            field.max_value = limit
            field.validators.append(MaxValueValidator(limit))
            field.widget.attrs.update({"min": 0, "max": limit, "inputmode": "numeric"})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("sk_date", "guidance_start", "guidance_end", "received_on"):
            try:
                check_real_date(cleaned.get(name), future_ok=name.startswith("guidance"))
            except ValidationError as error:
                self.add_error(name, error)
        start, end = cleaned.get("guidance_start"), cleaned.get("guidance_end")
        if start and end and end < start:
            self.add_error("guidance_end", _("The guidance period ends before it starts."))
        return cleaned


class DocumentsForm(BootstrapMixin, forms.Form):
    """One optional file per handover document; each can also be added later."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in INTAKE_DOCUMENT_KINDS:
            accept = "image/jpeg,image/png" if kind.startswith("photo") else ".pdf,image/*"
            self.fields[kind] = forms.FileField(
                label=DocumentKind(kind).label,
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": accept}),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for kind in INTAKE_DOCUMENT_KINDS:
            if cleaned.get(kind):
                try:
                    check_upload(cleaned[kind], field=kind)
                except ApplicationError as error:
                    self.add_error(kind, error.message)
        return cleaned

    @property
    def uploads(self) -> list[tuple[str, Any]]:
        return [
            (k, self.cleaned_data[k]) for k in INTAKE_DOCUMENT_KINDS if self.cleaned_data.get(k)
        ]

    @property
    def missing_kinds(self) -> list[str]:
        """The kinds with no file in this submission (an earlier one may have kept one)."""
        return [k for k in INTAKE_DOCUMENT_KINDS if not self.cleaned_data.get(k)]


class DuplicateChoiceForm(forms.Form):
    """The registrar's answer to a duplicate warning: this person is the same (take them in
    again) or different (register a new person)."""

    existing_client = forms.ModelChoiceField(
        queryset=Client.objects.none(), to_field_name="public_id", required=False
    )
    confirm_new_person = forms.BooleanField(required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        existing = self.fields["existing_client"]
        assert isinstance(existing, forms.ModelChoiceField)
        existing.queryset = visible_clients(user)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("existing_client") and cleaned.get("confirm_new_person"):
            raise ValidationError(_("Choose either the existing client or a new person, not both."))
        return cleaned


def new_token() -> str:
    return secrets.token_urlsafe(32)


class IntakeForms:
    """All the forms of the intake page, validated together and turned into the arguments
    of `services.client_intake`."""

    def __init__(self, user: User, data: Any = None, files: Any = None) -> None:
        token = (data or {}).get("intake_token", "")
        self.token = token if TOKEN_PATTERN.fullmatch(token) else new_token()
        self.data = data
        self.identity = ClientForm(data, office=user.office)
        self.phones = [
            PhoneForm(data, prefix=f"phone{index}", required=index == 0)
            for index in range(PHONE_FORMS)
        ]
        self.guarantor = GuarantorForm(data, prefix="guarantor")
        self.contacts = [LocalContactForm(data, kind=kind) for kind in ContactKind.values]
        self.case = CaseForm(data)
        self.documents = DocumentsForm(data, files)
        self.choice = DuplicateChoiceForm(data, user=user)
        self.errors: list[str] = []
        # The list index used in the service's error keys ("phones.1.number") → its form.
        self._entries: dict[str, list[forms.BaseForm]] = {"phones": [], "contacts": []}

    @property
    def all_forms(self) -> list[forms.BaseForm]:
        return [
            self.identity,
            *self.phones,
            self.guarantor,
            *self.contacts,
            self.case,
            self.documents,
            self.choice,
        ]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all_forms])

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(form.errors for form in self.all_forms)

    @property
    def existing_client(self) -> Client | None:
        return self.choice.cleaned_data.get("existing_client")

    @property
    def confirmed_new_person(self) -> bool:
        return bool(self.choice.cleaned_data.get("confirm_new_person"))

    def service_arguments(self) -> dict[str, Any]:
        phones = [form for form in self.phones if form.entry]
        contacts = [form for form in self.contacts if form.entry]
        self._entries = {"phones": list(phones), "contacts": list(contacts)}
        identity = dict(self.identity.cleaned_data)
        identity["nik"] = identity["nik"] or None
        return {
            "identity": identity,
            "case": dict(self.case.cleaned_data),
            "phones": [form.entry for form in phones],
            "guarantors": [dict(self.guarantor.cleaned_data)],
            "contacts": [form.entry for form in contacts],
            "documents": self.documents.uploads,
            "existing_client": self.existing_client,
        }

    def fingerprint(self) -> str:
        """A hash of what was typed in, to tell a resubmission of this intake (the same
        token and content) from other content sent with a used token."""
        assert self.data is not None
        fields = sorted(
            (name, self.data.getlist(name))
            for name in self.data
            if name not in ("csrfmiddlewaretoken", "intake_token", "unstage")
        )
        return hashlib.sha256(json.dumps(fields).encode()).hexdigest()

    def add_service_errors(self, error: ApplicationError) -> None:
        """Put each message of a service error on the field it names, or at the top."""
        for key, messages in error.errors.items():
            form, field = self._locate(key)
            for message in messages:
                if form is None:
                    self.errors.append(message)
                else:
                    form.add_error(field, message)

    def _locate(self, key: str) -> tuple[forms.BaseForm | None, str | None]:
        parts = key.split(".")
        if len(parts) == 3 and parts[0] in self._entries and parts[1].isdigit():
            entries = self._entries[parts[0]]
            index = int(parts[1])
            if index < len(entries) and parts[2] in entries[index].fields:
                return entries[index], parts[2]
        if len(parts) == 3 and parts[0] == "guarantors" and parts[2] in self.guarantor.fields:
            return self.guarantor, parts[2]
        for form in (self.identity, self.case, self.documents):
            if key in form.fields:
                return form, key
        return None, None
