"""The assessment form: one radio group per item of the instrument version, then the date,
reason, sources and note. Every item is optional here: a form with answers missing is saved as
a draft (the service decides), and the page says which are missing."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.assessments.models import AssessmentReason, Instrument, TriggerReason
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date

ITEM_PREFIX = "item_"


class AssessmentForm(BootstrapMixin, forms.Form):
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DateInput())
    reason = forms.ChoiceField(label=_("Reason"), choices=AssessmentReason.choices)
    sources = forms.CharField(
        label=_("Sources of information"),
        required=False,
        max_length=300,
        help_text=_("Interview, home visit, documents, family, local government…"),
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        items = {}
        for number, item in enumerate(instrument.items, start=1):
            items[ITEM_PREFIX + item["code"]] = forms.TypedChoiceField(
                label=f"{number}. {item['text']}",
                help_text=item.get("help", ""),
                choices=[
                    (index, f"{option['label']} ({option['score']})")
                    for index, option in enumerate(item["options"])
                ],
                coerce=int,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
        self.fields = {**items, **self.fields}

    def clean_assessed_on(self):
        day = self.cleaned_data["assessed_on"]
        check_real_date(day, future_ok=False)
        return day

    def item_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(ITEM_PREFIX)]

    def answers(self) -> dict[str, int]:
        return {
            name.removeprefix(ITEM_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(ITEM_PREFIX) and value not in (None, "")
        }

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "answers": self.answers(),
            "assessed_on": data["assessed_on"],
            "reason": data["reason"],
            "sources": data["sources"],
            "note": data["note"],
        }


def initial_from(assessment) -> dict[str, Any]:
    initial = {ITEM_PREFIX + code: index for code, index in assessment.answers.items()}
    initial.update(
        assessed_on=assessment.assessed_on,
        reason=assessment.reason,
        sources=assessment.sources,
        note=assessment.note,
    )
    return initial


class TriggerForm(BootstrapMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Why reassess"), choices=TriggerReason.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
