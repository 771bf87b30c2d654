"""Shared form helpers: dates typed as dd/mm/yyyy whatever the browser's locale, and a
meaningful empty option in selects."""

import datetime as dt

from django import forms
from django.utils import translation

from bimkemas.accounts.models import Office
from bimkemas.core.forms import BootstrapMixin, DateInput, parse_date_input


class DayForm(BootstrapMixin, forms.Form):
    day = forms.DateField(widget=DateInput())


class OfficeForm(BootstrapMixin, forms.Form):
    office = forms.ModelChoiceField(queryset=Office.objects.none(), required=False)
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)


def test_it_renders_a_text_box_with_a_dd_mm_yyyy_hint():
    html = str(DayForm(initial={"day": dt.date(2026, 12, 2)})["day"])
    assert 'type="text"' in html
    assert 'placeholder="dd/mm/yyyy"' in html
    assert 'value="02/12/2026"' in html


def test_it_reads_dd_mm_yyyy_as_day_first_in_english_too():
    with translation.override("en"):
        form = DayForm({"day": "02/12/2026"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(2026, 12, 2)


def test_it_reads_dd_mm_yyyy_in_indonesian():
    with translation.override("id"):
        form = DayForm({"day": "12/02/2026"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(2026, 2, 12)


def test_it_still_accepts_iso_dates():
    form = DayForm({"day": "2026-12-02"})
    assert form.is_valid()
    assert form.cleaned_data["day"] == dt.date(2026, 12, 2)


def test_it_shows_a_typed_date_again_as_typed():
    form = DayForm({"day": "31/02/2026"})
    assert not form.is_valid()
    assert 'value="31/02/2026"' in str(form["day"])
    form = DayForm({"day": "02/12/2026", "other": "x"})
    assert 'value="02/12/2026"' in str(form["day"])


def test_parse_date_input_refuses_what_is_not_a_date():
    assert parse_date_input("2/12/2026") == dt.date(2026, 12, 2)
    assert parse_date_input("12-2026") is None
    assert parse_date_input("") is None


def test_selects_say_choose_instead_of_dashes(db):
    form = OfficeForm()
    assert "---------" not in str(form["office"])
    assert "---------" not in str(form["kind"])
    assert "— choose —" in str(form["office"])
    assert "— choose —" in str(form["kind"])


def test_a_wrong_password_reads_naturally_in_indonesian(client, alice, settings):
    settings.LANGUAGE_CODE = "id"
    response = client.post("/login/", {"username": "alice", "password": "salah"})
    body = response.content.decode()
    assert "Nama pengguna atau kata sandi salah." in body
    assert "nama pengguna nama pengguna" not in body.lower()
