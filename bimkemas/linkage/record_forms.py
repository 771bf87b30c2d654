"""Forms of the external records' pages: the import form and the list's filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import BootstrapMixin, DateInput
from bimkemas.linkage.imports import MAX_FILE_BYTES
from bimkemas.linkage.models import RecordSource


class RecordImportForm(BootstrapMixin, forms.Form):
    source = forms.ChoiceField(label=_("Kind of records"), choices=RecordSource.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8) or Excel (.xlsx), first row the column names; at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    partial = forms.BooleanField(
        label=_("Import the valid rows"),
        required=False,
        help_text=_(
            "Without this, a file with any wrong row is rejected whole and nothing is "
            "imported. With it, the valid rows are imported and the others listed."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is too big (at most %(limit)s MB).")
                % {"limit": MAX_FILE_BYTES // 2**20}
            )
        return upload


class RecordFilterForm(BootstrapMixin, forms.Form):
    q = forms.CharField(
        label=_("Name, alias, NIK or record number"), required=False, max_length=100
    )
    source = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *RecordSource.choices]
    )
    institution = forms.CharField(label=_("Prison or court"), required=False, max_length=200)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Until"), required=False, widget=DateInput())

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {
                name: value
                for name, value in self.cleaned_data.items()
                if name not in self.errors and value
            }
        return {name: value for name, value in self.cleaned_data.items() if value}
