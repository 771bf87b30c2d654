"""Forms for decisions on a case (assign, close, grant access) and for correcting its data."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import User
from bimkemas.clients.forms_intake import CaseForm
from bimkemas.clients.models import CLOSED_STATUSES, CaseStatus, Programme, SupervisionCase
from bimkemas.clients.services import CASE_EDITABLE_FIELDS
from bimkemas.core.dates import today
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date


class AssignForm(BootstrapMixin, forms.Form):
    officer = forms.ModelChoiceField(
        label=_("Officer"), queryset=User.objects.none(), to_field_name="public_id"
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, case: SupervisionCase, officers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        officer = self.fields["officer"]
        assert isinstance(officer, forms.ModelChoiceField)
        officer.queryset = officers
        if case.officer_id:
            self.fields["reason"].required = True
            self.fields["reason"].help_text = _("Required when a case changes officer.")


class CloseForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(label=_("Outcome"), choices=())
    closed_on = forms.DateField(label=_("Closed on"), initial=today, widget=DateInput())
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required unless the guidance period was completed: say what happened."),
    )

    def __init__(self, *args: Any, case: SupervisionCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = closing_choices(case)

    def clean_closed_on(self) -> Any:
        closed_on = self.cleaned_data.get("closed_on")
        check_real_date(closed_on, future_ok=False)
        return closed_on

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        status = cleaned.get("status")
        if status and status != CaseStatus.COMPLETED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the case ends."))
        return cleaned


def closing_choices(case: SupervisionCase) -> list[tuple[str, str]]:
    return [(s.value, str(s.label)) for s in CLOSED_STATUSES if case.can_move_to(s)]


class GrantForm(BootstrapMixin, forms.Form):
    officer = forms.ModelChoiceField(
        label=_("Officer"), queryset=User.objects.none(), to_field_name="public_id"
    )
    until = forms.DateField(label=_("Until"), widget=DateInput())

    def __init__(self, *args: Any, case: SupervisionCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officer = self.fields["officer"]
        assert isinstance(officer, forms.ModelChoiceField)
        officer.queryset = (
            User.objects.officers()
            .filter(office_id=case.office_id)
            .exclude(pk=case.officer_id or 0)
        )

    def clean_until(self) -> Any:
        until = self.cleaned_data.get("until")
        if until is not None and until < today():
            raise ValidationError(_("The end date is in the past."))
        return until


class CaseEditForm(CaseForm):
    """The case's data as entered at intake, to correct it. `services.case_update` checks
    the record; the form only checks that each value is well-formed."""

    class Meta(CaseForm.Meta):
        fields = CASE_EDITABLE_FIELDS
        widgets = {**CaseForm.Meta.widgets, "aftercare_until": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = self.fields["programme"]
        assert isinstance(programme, forms.ModelChoiceField)
        # A programme no longer in use stays selectable for the cases already on it.
        programme.queryset = Programme.objects.filter(
            Q(is_active=True) | Q(pk=self.instance.programme_id)
        )

    def clean_aftercare_until(self) -> Any:
        aftercare_until = self.cleaned_data.get("aftercare_until")
        check_real_date(aftercare_until)
        return aftercare_until

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in CASE_EDITABLE_FIELDS}
