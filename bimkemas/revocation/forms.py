"""Forms of the revocation pages: the request and one form per step. The services validate
the rules; the forms only parse what was typed."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.clients.models import Facility
from bimkemas.core.dates import today
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date
from bimkemas.revocation.models import TEXT_MAX, ReportRecipient, RequestChannel
from bimkemas.violations.models import ViolationKind

QUESTION_PAIRS = 6
YES_NO = [("", _("— choose —")), ("yes", _("Yes")), ("no", _("No"))]


def _text(
    label, *, required: bool = False, rows: int = 3, max_length: int = TEXT_MAX, help_text=""
):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _yes_no(label, help_text="") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        help_text=help_text,
    )


DOCUMENT_LABEL = _("Document (letter, evidence)")


def _file(label=DOCUMENT_LABEL) -> forms.FileField:
    return forms.FileField(label=label, required=False, help_text=_("PDF or image."))


class _StepForm(BootstrapMixin, forms.Form):
    on = forms.DateField(label=_("Date"), initial=today, widget=DateInput())

    def clean_on(self) -> Any:
        day = self.cleaned_data.get("on")
        check_real_date(day, future_ok=False)
        return day

    def uploads(self) -> list:
        upload = self.cleaned_data.get("upload")
        return [upload] if upload else []


class RequestForm(BootstrapMixin, forms.Form):
    channel = forms.ChoiceField(label=_("How the request came"), choices=RequestChannel.choices)
    requested_on = forms.DateField(label=_("Request date"), initial=today, widget=DateInput())
    sender = forms.CharField(
        label=_("Sender / reported by"),
        max_length=200,
        help_text=_("The letter's sender, or who reported orally (name and position)."),
    )
    letter_number = forms.CharField(label=_("Letter number"), max_length=100, required=False)
    account = _text(_("What was reported"), help_text=_("Required for an oral report."))
    grounds = forms.ChoiceField(
        label=_("Grounds"), choices=[("", _("— choose —")), *ViolationKind.choices]
    )
    violation = forms.ChoiceField(label=_("Violation"), required=False)
    upload = _file(_("The letter (scan)"))
    note = _text(_("Note"), rows=2)

    def __init__(self, *args: Any, violations=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["violation"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("None"))] + [(str(v.public_id), str(v)) for v in violations]

    def clean_requested_on(self) -> Any:
        day = self.cleaned_data.get("requested_on")
        check_real_date(day, future_ok=False)
        return day


class StatementForm(_StepForm):
    statement = _text(_("Statement"), rows=5, help_text=_("Or write questions and answers."))
    upload = _file()
    note = _text(_("Note"), rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n in range(1, QUESTION_PAIRS + 1):
            self.fields[f"question_{n}"] = forms.CharField(
                label=_("Question %(n)d") % {"n": n}, max_length=1000, required=False
            )
            self.fields[f"answer_{n}"] = _text(_("Answer %(n)d") % {"n": n}, rows=2)
            for name in (f"question_{n}", f"answer_{n}"):
                self.fields[name].widget.attrs["class"] = "form-control"

    def pairs(self) -> list[tuple]:
        return [(self[f"question_{n}"], self[f"answer_{n}"]) for n in range(1, QUESTION_PAIRS + 1)]

    def questions(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [
            {"question": data.get(f"question_{n}", ""), "answer": data.get(f"answer_{n}", "")}
            for n in range(1, QUESTION_PAIRS + 1)
        ]


class ExaminationForm(_StepForm):
    attended = _yes_no(_("The client attended"))
    account = _text(_("The client's account"), rows=5)
    upload = _file()
    note = _text(_("Note"), rows=2)


class TppForm(_StepForm):
    agenda_item = forms.ChoiceField(label=_("TPP session decision"), required=False)
    recommend = forms.TypedChoiceField(
        label=_("The TPP recommends revocation"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
    )
    members = _text(_("Members present"), rows=2, max_length=1000)
    upload = _file()
    note = _text(_("Note"), rows=2)

    def __init__(self, *args: Any, items=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].required = False
        field = self.fields["agenda_item"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("None: record the decision below"))] + [
            (
                str(item.public_id),
                f"{item.session.number} ({item.session.held_on:%d/%m/%Y}): "
                f"{item.get_decision_display()}",
            )
            for item in items
        ]


class TemporaryForm(_StepForm):
    decree_number = forms.CharField(label=_("Number of the temporary revocation"), max_length=200)
    upload = _file(_("The signed letter (scan)"))
    note = _text(_("Note"), rows=2)


class ReportForm(_StepForm):
    recipient = forms.ChoiceField(
        label=_("Reported to"),
        required=False,
        choices=[
            (value, label)
            for value, label in ReportRecipient.choices
            if value != ReportRecipient.PRISON
        ],
    )
    institution = forms.ModelChoiceField(
        label=_("Lapas/Rutan"), queryset=Facility.objects.all(), required=False
    )
    letter_number = forms.CharField(label=_("Letter number"), max_length=100)
    upload = _file(_("The letter sent (scan)"))
    note = _text(_("Note"), rows=2)


class DecisionForm(_StepForm):
    revoked = _yes_no(_("Revoked"))
    decision_reference = forms.CharField(
        label=_("Decree number"),
        max_length=200,
        required=False,
        help_text=_("Required when revoked."),
    )
    authority = forms.CharField(
        label=_("Decided by"),
        max_length=200,
        required=False,
        help_text=_("E.g. Ditjenpas, Kanwil, or the Lapas/Rutan for asimilasi."),
    )
    upload = _file(_("The decree (scan)"))
    note = _text(_("Note"), rows=2)


class WithdrawForm(_StepForm):
    reason = _text(_("Reason"), required=True, rows=3)
