import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from bimkemas.core.forms import DateInput, check_real_date
from bimkemas.reporting.models import SupportNeed
from bimkemas.reporting.services.checkins import ANSWER_MAX_LENGTH, Feeling

NUMERIC = {"inputmode": "numeric", "autocomplete": "off"}


class PlainForm(forms.Form):
    """Labels without Django's trailing colon: they are questions and plain phrases."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class IdentityForm(PlainForm):
    register_number = forms.CharField(
        label=_("Register number"),
        max_length=60,
        help_text=_("It is on your guidance card, e.g. 0012/PB/D/2026/PLG."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "characters"}),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        help_text=_("Day/month/year, e.g. 17/05/1990."),
        widget=DateInput(attrs=NUMERIC),
    )

    def clean_birth_date(self):
        value = self.cleaned_data["birth_date"]
        check_real_date(value, future_ok=False)
        return value


PIN_ATTRS = {
    **NUMERIC,
    "pattern": "[0-9]{6}",
    "maxlength": "6",
    "autocomplete": "current-password",
}


class SignInForm(IdentityForm):
    pin = forms.CharField(
        label=_("PIN (6 digits)"),
        min_length=6,
        max_length=6,
        widget=forms.PasswordInput(attrs=PIN_ATTRS),
    )


class ActivationForm(IdentityForm):
    code = forms.CharField(
        label=_("Activation code"),
        max_length=20,
        help_text=_("The 8 letters and numbers your officer gave you."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    pin = forms.CharField(
        label=_("Choose a PIN (6 digits)"),
        help_text=_("Not 111111 or 123456, and not your birth date. Do not tell anyone."),
        min_length=6,
        max_length=6,
        widget=forms.PasswordInput(attrs={**PIN_ATTRS, "autocomplete": "new-password"}),
    )
    pin_again = forms.CharField(
        label=_("The same PIN again"),
        min_length=6,
        max_length=6,
        widget=forms.PasswordInput(attrs={**PIN_ATTRS, "autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("pin") and data.get("pin_again") and data["pin"] != data["pin_again"]:
            self.add_error("pin_again", _("The two PINs are not the same."))
        return data


def _text(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CheckInForm(PlainForm):
    """The app's questions. Files are read from request.FILES by the view (the selfie and up
    to three photos); the location, the time it was filled in and the key are set by the
    page's script (the key also by the server, so a form sent twice is one report)."""

    condition = forms.ChoiceField(
        label=_("How have you been?"), choices=Feeling.choices, widget=forms.RadioSelect
    )
    activity = _text(_("What have you been doing? (work, activities)"))
    obstacles = _text(_("Is anything making things hard for you?"))
    plans = _text(_("What are your plans?"))
    needs = forms.MultipleChoiceField(
        label=_("Do you need help with any of these?"),
        choices=SupportNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    wants_call_back = forms.BooleanField(
        label=_("I would like my officer to call me back"), required=False
    )
    latitude = forms.DecimalField(
        required=False, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    longitude = forms.DecimalField(
        required=False, min_value=-180, max_value=180, widget=forms.HiddenInput
    )
    accuracy = forms.IntegerField(
        required=False, min_value=0, max_value=1_000_000, widget=forms.HiddenInput
    )
    filled_at = forms.DateTimeField(required=False, widget=forms.HiddenInput)
    key = forms.CharField(max_length=100, widget=forms.HiddenInput)
    owner = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["key"].initial = str(uuid.uuid4())

    def answers(self) -> dict[str, str]:
        fields = ("condition", "activity", "obstacles", "plans")
        return {name: self.cleaned_data[name] for name in fields if self.cleaned_data[name]}
