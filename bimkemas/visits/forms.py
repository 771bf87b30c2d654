import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import BootstrapMixin, DateInput
from bimkemas.visits.models import PersonKind, VisitReason, VisitStatus
from bimkemas.visits.services import MAX_PERSONS, TEXT_MAX_LENGTH

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class PlanForm(BootstrapMixin, forms.Form):
    planned_on = forms.DateField(label=_("Day of the visit"), widget=DateInput())
    reason = forms.ChoiceField(label=_("Reason"), choices=VisitReason.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CancelForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled?"), required=False, max_length=300)


class RecordForm(BootstrapMixin, forms.Form):
    """The visit form. Persons met come as parallel lists `person_kind` / `person_name`
    (rows the page adds), photos as `photos`; the page's script fills the location and a
    fresh `key` when it loads, and `visited_at` when it is left empty."""

    outcome = forms.ChoiceField(
        label=_("Was the client at home?"),
        choices=[
            (VisitStatus.DONE, _("Yes, the visit took place")),
            (VisitStatus.NOT_FOUND, _("No, the client was not at home")),
        ],
        initial=VisitStatus.DONE,
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Reason"), choices=VisitReason.choices, initial=VisitReason.ROUTINE, required=False
    )
    visited_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        input_formats=[DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        help_text=_("Empty: the time the form is sent."),
    )
    findings = forms.CharField(
        label=_("Findings"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The client's condition, home, work and family; what neighbours said."),
    )
    follow_up = forms.CharField(
        label=_("Follow-up"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    latitude = forms.DecimalField(required=False, widget=forms.HiddenInput)
    longitude = forms.DecimalField(required=False, widget=forms.HiddenInput)
    accuracy = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    key = forms.CharField(max_length=90, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("key", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)

    def persons(self) -> list[dict[str, str]]:
        kinds = self.data.getlist("person_kind") if hasattr(self.data, "getlist") else []
        names = self.data.getlist("person_name") if hasattr(self.data, "getlist") else []
        return [
            {"kind": kind, "name": name}
            for kind, name in list(zip(kinds, names, strict=False))[: MAX_PERSONS + 1]
        ]


PERSON_KINDS = PersonKind.choices
