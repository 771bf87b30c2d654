"""Edge validation for the client pages. The rules themselves live in clients.services."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office, User, WorkArea
from bimkemas.clients.models import IDENTITY_FIELDS, Category, Client, DocumentKind, Programme
from bimkemas.clients.selectors import ClientFilters
from bimkemas.clients.stages import Stage
from bimkemas.core.errors import ApplicationError


def add_application_errors(form: forms.BaseForm, error: ApplicationError) -> None:
    """Put a service's {field: [messages]} on the form; unknown fields become form errors."""
    for field, messages in error.errors.items():
        form.add_error(field if field in form.fields else None, messages)


class BootstrapMixin:
    """Gives every widget its Bootstrap class, so templates render fields without filters."""

    fields: dict[str, forms.Field]

    def style_widgets(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = css


class ClientForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Client
        fields = IDENTITY_FIELDS
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = self.fields["work_area"]
        assert isinstance(area, forms.ModelChoiceField)
        area.queryset = WorkArea.objects.filter(office=office)
        self.style_widgets()

    def _post_clean(self) -> None:
        # The service validates the record (NIK rules, uniqueness) and reports in its own
        # words; the form only checks that each value is well-formed.
        pass

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PhoneForm(BootstrapMixin, forms.Form):
    number = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    label = forms.CharField(label=_("Whose / which"), max_length=60, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class DocumentForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style_widgets()


class ClientFilterForm(BootstrapMixin, forms.Form):
    """The search box and filters of the client list. Bad values are dropped, not fatal."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    area = forms.TypedChoiceField(label=_("Work area"), required=False, coerce=int)
    officer = forms.TypedChoiceField(label=_("Officer"), required=False, coerce=int)
    category = forms.ChoiceField(label=_("Category"), required=False)
    closed = forms.BooleanField(label=_("Include closed cases"), required=False)

    def __init__(self, *args: Any, user: User, officers=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everyone = [("", _("All"))]
        self._set_choices("stage", everyone + list(Stage.choices))
        programmes = Programme.objects.values_list("code", "code")
        self._set_choices("programme", everyone + list(programmes))
        areas = WorkArea.objects.filter(office=user.office)
        self._set_choices("area", everyone + [(a.pk, str(a)) for a in areas])
        self._set_choices("category", everyone + list(Category.choices))
        if officers is None:
            del self.fields["officer"]
        else:
            self._set_choices("officer", everyone + [(o.pk, str(o)) for o in officers])
        self.style_widgets()

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
        )
