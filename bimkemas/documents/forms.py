"""Forms of the office's document settings page: a template upload and the letterhead."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import BootstrapMixin
from bimkemas.documents.models import DocumentKind, OfficeLetterhead
from bimkemas.documents.services import LETTERHEAD_FIELDS


class TemplateUploadForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("Word template (.docx)"),
        help_text=_("At most 2 MB. Start from the default template of the same document."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".docx,application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document"
            }
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class LetterheadForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = OfficeLetterhead
        fields = list(LETTERHEAD_FIELDS)
        widgets = {
            "ministry": forms.Textarea(attrs={"rows": 2}),
            "address": forms.Textarea(attrs={"rows": 2}),
        }
