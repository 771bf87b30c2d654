"""Forms of the guidance pages. They check shapes only; the services decide the rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.dates import today
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date
from bimkemas.guidance.models import (
    AgreementMethod,
    AttendanceStatus,
    GuidanceArea,
    GuidanceKind,
    GuidanceMethod,
    Recommendation,
)
from bimkemas.guidance.services.sessions import MAX_PHOTOS


class PlanItemForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of guidance"), choices=GuidanceKind.choices)
    area = forms.ChoiceField(label=_("Area"), choices=GuidanceArea.choices)
    description = forms.CharField(label=_("Activity"), max_length=500)
    method = forms.ChoiceField(label=_("Method"), choices=GuidanceMethod.choices)
    frequency = forms.CharField(
        label=_("Frequency"), max_length=100, required=False, help_text=_("e.g. 1 kali seminggu")
    )
    per_month = forms.IntegerField(
        label=_("Sessions per month"), min_value=0, max_value=31, required=False
    )
    responsible = forms.CharField(
        label=_("Responsible"),
        max_length=200,
        required=False,
        help_text=_("The PK, another staff member or a partner such as a Pokmas Lipas."),
    )
    need_codes = forms.CharField(widget=forms.HiddenInput, required=False)
    standard = forms.BooleanField(widget=forms.HiddenInput, required=False)

    def cleaned_item(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["need_codes"] = [c for c in (data.get("need_codes") or "").split(",") if c]
        return data


class BasePlanItemFormSet(forms.BaseFormSet):
    def items(self) -> list[dict[str, Any]]:
        return [
            form.cleaned_item()
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


PlanItemFormSet = forms.formset_factory(
    PlanItemForm, formset=BasePlanItemFormSet, extra=1, can_delete=True, max_num=30
)


class PlanNoteForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )


class AgreeForm(BootstrapMixin, forms.Form):
    agreed_on = forms.DateField(label=_("The client agreed on"), widget=DateInput, initial=today)
    method = forms.ChoiceField(
        label=_("How the client agreed"),
        choices=AgreementMethod.choices,
        widget=forms.RadioSelect,
        initial=AgreementMethod.PAPER,
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000
    )

    def clean_agreed_on(self):
        value = self.cleaned_data["agreed_on"]
        check_real_date(value, future_ok=False)
        return value


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png", "multiple": True})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class SessionForm(BootstrapMixin, forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=DateInput, initial=today)
    title = forms.CharField(label=_("Title"), max_length=200)
    method = forms.ChoiceField(label=_("Method"), choices=GuidanceMethod.choices)
    area = forms.ChoiceField(label=_("Area"), choices=GuidanceArea.choices)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    partner = forms.CharField(
        label=_("Partner"),
        max_length=200,
        required=False,
        help_text=_("A partner who led or supported it, e.g. a Pokmas Lipas."),
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to %(count)d photos (JPEG or PNG).") % {"count": MAX_PHOTOS},
    )

    def clean_held_on(self):
        value = self.cleaned_data["held_on"]
        check_real_date(value, future_ok=False)
        return value


class ActivityForm(SessionForm):
    """An individual activity of one client, from the client page."""

    status = forms.ChoiceField(
        label=_("Attendance"), choices=AttendanceStatus.choices, initial=AttendanceStatus.ATTENDED
    )
    plan_item = forms.ChoiceField(label=_("Plan item"), required=False)
    attendance_note = forms.CharField(label=_("Note on the client"), max_length=500, required=False)

    field_order = ["held_on", "title", "plan_item", "method", "area", "status"]

    def __init__(self, *args: Any, plan_items=(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["plan_item"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("— none —"))] + [
            (str(item.public_id), item.description) for item in plan_items
        ]
        self.fields["method"].initial = GuidanceMethod.CASEWORK


class EvaluationForm(BootstrapMixin, forms.Form):
    progress_summary = forms.CharField(
        label=_("Progress of the client"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10_000,
    )
    attitude = forms.CharField(
        label=_("Attitude and behaviour"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
    )
    compliance_judgement = forms.CharField(
        label=_("Compliance with the conditions"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10_000,
    )
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        choices=[("", _("— choose —")), *Recommendation.choices],
        required=False,
    )


class ReturnForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("What needs changing"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000
    )
