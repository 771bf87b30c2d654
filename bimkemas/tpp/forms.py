"""Forms of the TPP pages."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.accounts.models import User
from bimkemas.clients.stages import Stage
from bimkemas.core.dates import today
from bimkemas.core.forms import BootstrapMixin, DateInput, check_real_date
from bimkemas.tpp.models import AgendaKind, Decision, MemberRole, TppSession
from bimkemas.tpp.services.agenda import TEXT_MAX


def _staff(office_id: int | None):
    return (
        User.objects.filter(office_id=office_id, is_active=True)
        .exclude(role="")
        .order_by("first_name", "username")
    )


def _text(label, *, required: bool = False, rows: int = 2) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ScheduleForm(BootstrapMixin, forms.Form):
    held_on = forms.DateField(label=_("Date"), initial=today, widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    chair = forms.ModelChoiceField(
        label=_("Chair"), queryset=User.objects.none(), to_field_name="public_id"
    )
    secretary = forms.ModelChoiceField(
        label=_("Secretary"), queryset=User.objects.none(), to_field_name="public_id"
    )
    notes = _text(_("Notes"))

    def __init__(self, *args: Any, office_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("chair", "secretary"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = _staff(office_id)

    def clean_held_on(self) -> Any:
        day = self.cleaned_data.get("held_on")
        check_real_date(day)
        return day


class MemberForm(BootstrapMixin, forms.Form):
    user = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=User.objects.none(),
        to_field_name="public_id",
        required=False,
    )
    name = forms.CharField(label=_("Or an outside person's name"), max_length=200, required=False)
    institution = forms.CharField(label=_("Institution"), max_length=200, required=False)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (MemberRole.MEMBER, MemberRole.MEMBER.label),
            (MemberRole.GUEST, MemberRole.GUEST.label),
        ],
    )
    present = forms.BooleanField(label=_("Present"), required=False, initial=True)

    def __init__(self, *args: Any, session: TppSession, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = _staff(session.office_id)


class AgendaForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaKind.choices)
    summary = _text(_("Summary"))
    recommendation = _text(_("Recommendation"))


class ProposeForm(AgendaForm):
    session = forms.ModelChoiceField(
        label=_("Session"), queryset=TppSession.objects.none(), to_field_name="public_id"
    )

    def __init__(self, *args: Any, sessions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = sessions
        self.order_fields(["session", "kind", "summary", "recommendation"])


class DecideForm(BootstrapMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    note = _text(_("Decision note"))
    override_reason = _text(_("Override reason (only without an approved evaluation)"), rows=1)


class OverrideForm(BootstrapMixin, forms.Form):
    to_stage = forms.ChoiceField(
        label=_("Confirm the stage"),
        choices=[(Stage.LANJUTAN, Stage.LANJUTAN.label), (Stage.AKHIR, Stage.AKHIR.label)],
    )
    reason = _text(_("Reason"), required=True)
