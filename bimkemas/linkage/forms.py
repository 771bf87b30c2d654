"""The officer's decision on a match: confirm (note optional) or reject (why, required)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import BootstrapMixin
from bimkemas.linkage.services import NOTE_MAX


class ConfirmForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("A prison admission or court decision then opens a violation (new offence)."),
    )


class RejectForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Why is this a different person?"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
