"""Forms of the staff wajib lapor pages: the front desk's quick visit, an online contact or
visit recorded from the client page, the review of a check-in, a case's own schedule and an
excuse from reporting."""

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import BootstrapMixin, DateInput
from bimkemas.reporting.models import Channel, Frequency, Reporter, ScheduleBasis, SupportNeed
from bimkemas.reporting.services.checkins import (
    ANSWER_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    QUESTIONS,
    REPORTER_NAME_MAX_LENGTH,
    STAFF_CHANNELS,
)
from bimkemas.reporting.services.schedules import (
    MAX_GRACE_DAYS,
    REASON_MAX_LENGTH,
    REFERENCE_MAX_LENGTH,
)

TIME_FORMAT = "%d/%m/%Y %H:%M"


class AnswersMixin:
    """The five standard questions, all optional short texts."""

    fields: dict[str, forms.Field]

    def add_questions(self) -> None:
        for name, label in QUESTIONS.items():
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=ANSWER_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict[str, str]:
        data: dict[str, Any] = self.cleaned_data  # type: ignore[attr-defined]
        return {name: data[name] for name in QUESTIONS if data.get(name)}


class FrontDeskSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, register number or NIK"), required=False, max_length=100)


class FrontDeskVisitForm(AnswersMixin, BootstrapMixin, forms.Form):
    """One visit at the desk: the case, an idempotency token, an optional note and answers."""

    case = forms.UUIDField(widget=forms.HiddenInput)
    token = forms.CharField(max_length=100, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions()


class ContactForm(AnswersMixin, BootstrapMixin, forms.Form):
    """A contact recorded from the client page: phone, video, chat, home visit, TPP, or a
    visit reported by family or the RT head."""

    channel = forms.ChoiceField(
        label=_("How"), choices=[(c.value, c.label) for c in STAFF_CHANNELS]
    )
    occurred_at = forms.DateTimeField(
        label=_("When"),
        input_formats=[TIME_FORMAT, "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(
            format=TIME_FORMAT, attrs={"placeholder": _("dd/mm/yyyy hh:mm"), "maxlength": "16"}
        ),
        help_text=_("For example 02/12/2026 09:30."),
    )
    reporter = forms.ChoiceField(label=_("Reported by"), choices=Reporter.choices)
    reporter_name = forms.CharField(
        label=_("Reporter's name"),
        required=False,
        max_length=REPORTER_NAME_MAX_LENGTH,
        help_text=_("When someone reported for the client (family, RT head)."),
    )
    needs = forms.MultipleChoiceField(
        label=_("Support needed"),
        required=False,
        choices=SupportNeed.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    wants_call_back = forms.BooleanField(label=_("Wants a call back"), required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence = forms.FileField(
        label=_("Screenshot or photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or PDF."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )
    token = forms.CharField(max_length=100, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_questions()
        if not self.is_bound:
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.initial.setdefault("occurred_at", now)
            self.initial.setdefault("channel", Channel.PHONE)

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        occurred_at: dt.datetime = data["occurred_at"]
        return {
            "channel": data["channel"],
            "occurred_at": occurred_at,
            "reporter": data["reporter"],
            "reporter_name": data["reporter_name"],
            "answers": self.answers(),
            "needs": data["needs"],
            "wants_call_back": data["wants_call_back"],
            "note": data["note"],
            "evidence": data.get("evidence") or None,
            "idempotency_key": data["token"],
        }


class ReviewForm(BootstrapMixin, forms.Form):
    note = forms.CharField(
        label=_("Review note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ScheduleForm(BootstrapMixin, forms.Form):
    """A case's own reporting frequency from a day on: the PK's or the TPP's decision, or
    a special condition of the SK."""

    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    grace_days = forms.IntegerField(
        label=_("Grace days"),
        min_value=0,
        max_value=MAX_GRACE_DAYS,
        help_text=_("Days after a period ends before a missing report counts as missed."),
    )
    basis = forms.ChoiceField(label=_("Decided by"), choices=ScheduleBasis.choices)
    reference = forms.CharField(
        label=_("Decision or condition"),
        required=False,
        max_length=REFERENCE_MAX_LENGTH,
        help_text=_("For a TPP decision or a special condition: its date and number."),
    )


class ExcuseForm(BootstrapMixin, forms.Form):
    """Days on which the client need not report (in hospital, travel the officer allowed)."""

    starts_on = forms.DateField(label=_("First day"), widget=DateInput())
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: in hospital, with the letter from the doctor."),
    )
