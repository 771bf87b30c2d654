"""Forms of the violation pages: recording, the decision, dismissal, evidence, the ladder."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.dates import today
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date
from bimkemas.violations.models import LadderRung, ViolationKind, ViolationSource
from bimkemas.violations.services import (
    EVIDENCE_MAX,
    NOTE_MAX,
    RUNG_NAME_MAX,
    RUNG_TITLE_MAX,
    SUMMARY_MAX,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def _past_date(value: Any) -> Any:
    check_real_date(value, future_ok=False)
    return value


# Recorded by a person; a record match arrives from the matching (linkage) confirmation.
RECORD_SOURCES = [
    (value, label) for value, label in ViolationSource.choices if value != ViolationSource.MATCH
]


class RecordForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of violation"), choices=ViolationKind.choices)
    source = forms.ChoiceField(label=_("Learnt from"), choices=RECORD_SOURCES)
    occurred_on = forms.DateField(label=_("Date of the violation"), widget=DateInput())
    summary = forms.CharField(
        label=_("What happened"),
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=EVIDENCE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who reported it, letters or notices received, what was seen."),
    )
    attachments = MultipleFileField(
        label=_("Files"), required=False, help_text=_("PDF, JPEG or PNG; several at once.")
    )

    def clean_occurred_on(self) -> Any:
        return _past_date(self.cleaned_data.get("occurred_on"))


class DecideForm(BootstrapMixin, forms.Form):
    rung = forms.ModelChoiceField(
        label=_("Response"), queryset=LadderRung.objects.none(), to_field_name="public_id"
    )
    decided_on = forms.DateField(label=_("Decided on"), initial=today, widget=DateInput())
    note = forms.CharField(
        label=_("Notes"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, rungs: list[LadderRung], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rung"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = LadderRung.objects.filter(pk__in=[rung.pk for rung in rungs])
        field.empty_label = None

    def clean_decided_on(self) -> Any:
        return _past_date(self.cleaned_data.get("decided_on"))


class DismissForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason for dismissing"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttachForm(BootstrapMixin, forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    description = forms.CharField(label=_("Description"), max_length=200, required=False)


class RungForm(BootstrapMixin, forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput())
    # Not required here: the blank row for a new step is left empty when none is added.
    position = forms.IntegerField(label=_("Order"), min_value=1, max_value=999, required=False)
    name = forms.CharField(label=_("Name"), max_length=RUNG_NAME_MAX, required=False)
    letter_title = forms.CharField(
        label=_("Letter title"), max_length=RUNG_TITLE_MAX, required=False
    )
    produces_letter = forms.BooleanField(label=_("Produces a letter"), required=False)
    proposes_revocation = forms.BooleanField(label=_("Proposes revocation"), required=False)
    active = forms.BooleanField(label=_("Active"), required=False)


# The views add one blank row (a new step, active and with a letter unless unticked).
RungFormSet = forms.formset_factory(RungForm, extra=0, max_num=13, validate_max=True)
NEW_RUNG_INITIAL = {"active": True, "produces_letter": True}
