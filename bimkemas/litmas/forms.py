from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import BootstrapMixin, DateInput
from bimkemas.litmas.models import LitmasRequest, SourceKind


class RequestForm(BootstrapMixin, forms.ModelForm):
    client_number = forms.CharField(
        label=_("Client's register number or NIK"),
        required=False,
        max_length=60,
        help_text=_(
            "When the subject is already a client of this Bapas; else fill in the subject below."
        ),
    )
    letter = forms.FileField(label=_("Requesting letter (PDF, JPEG or PNG)"), required=False)

    class Meta:
        model = LitmasRequest
        fields = [
            "type",
            "requester_kind",
            "requester_name",
            "letter_number",
            "letter_date",
            "received_on",
            "due_on",
            "subject_name",
            "subject_birth_date",
            "subject_sex",
            "subject_register",
            "subject_note",
        ]
        widgets = {
            "letter_date": DateInput(),
            "received_on": DateInput(),
            "due_on": DateInput(),
            "subject_birth_date": DateInput(),
        }
        help_texts = {"due_on": _("Empty: the office's deadline for the type.")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].required = False
        self.fields["due_on"].required = False

    def _post_clean(self) -> None:  # the service validates the record
        return None


class AssignForm(BootstrapMixin, forms.Form):
    officer = forms.ChoiceField(label=_("PK"))

    def __init__(self, *args, officers=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = [  # type: ignore[attr-defined]
            ("", "—")
        ] + [(str(o.public_id), str(o)) for o in officers]


class NoteForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)


SOURCE_ROWS = 6


def source_rows(sources: list[dict]) -> list[dict]:
    rows = list(sources) + [{"kind": "", "date": "", "note": ""}] * SOURCE_ROWS
    return rows[: max(len(sources) + 2, SOURCE_ROWS)]


def sources_from_post(data) -> list[dict]:
    rows = []
    for kind, day, note in zip(
        data.getlist("source_kind"),
        data.getlist("source_date"),
        data.getlist("source_note"),
        strict=False,
    ):
        if kind or day or note:
            rows.append({"kind": kind, "date": day, "note": note})
    return rows


SOURCE_CHOICES = SourceKind.choices
