"""Forms of the termination page: one per way a case ends."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import Office
from bimkemas.core.dates import today
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date
from bimkemas.termination.models import AFTERCARE_MAX_MONTHS
from bimkemas.termination.services.common import REASON_MAX


def _note(label, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=REASON_MAX,
        required=required,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class _DatedForm(BootstrapMixin, forms.Form):
    def clean_on(self) -> Any:
        day = self.cleaned_data.get("on")
        check_real_date(day, future_ok=False)
        return day


class CompleteForm(_DatedForm):
    on = forms.DateField(label=_("Completed on"), initial=today, widget=DateInput())
    aftercare_months = forms.TypedChoiceField(
        label=_("After-care"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("No after-care"))]
        + [(n, _("%(count)d months") % {"count": n}) for n in range(1, AFTERCARE_MAX_MONTHS + 1)],
        help_text=_("Optional guidance after the period (bimbingan tambahan)."),
    )
    reason = _note(_("Notes"))


class DeathForm(_DatedForm):
    on = forms.DateField(label=_("Date of death"), widget=DateInput())
    evidence = forms.FileField(
        label=_("Evidence (death certificate or letter)"),
        required=False,
        help_text=_("PDF or image."),
    )
    reason = _note(_("Notes"))


class RevocationForm(BootstrapMixin, forms.Form):
    decision_reference = forms.CharField(label=_("Revocation decision (number)"), max_length=200)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())

    def clean_decided_on(self) -> Any:
        day = self.cleaned_data.get("decided_on")
        check_real_date(day, future_ok=False)
        return day


class TransferForm(BootstrapMixin, forms.Form):
    to_office = forms.ModelChoiceField(
        label=_("Receiving Bapas"), queryset=Office.objects.none(), to_field_name="code"
    )
    reason = _note(_("Reason"), required=True)

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_office"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Office.objects.exclude(pk=office_id).order_by("name")
