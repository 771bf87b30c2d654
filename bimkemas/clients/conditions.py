"""The wajib lapor duty a case's SK sets, read from its special conditions ("dua kali
sebulan", "2x seminggu", "setiap minggu", "twice a month") — or the programme's default."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ReportingDuty:
    times: int  # reports per period
    per: str  # "week" or "month"
    # A special condition about reporting whose frequency could not be read: printed as written.
    condition: str = ""

    @property
    def frequency(self) -> str:
        unit = "weekly" if self.per == "week" else "monthly"
        return unit if self.times == 1 else f"{self.times}x {unit}"

    @property
    def text(self) -> str:
        if self.condition:
            return _("as set in the special conditions: %(condition)s") % {
                "condition": self.condition
            }
        if self.per == "week":
            if self.times == 1:
                return _("Once a week")
            if self.times == 2:
                return _("Twice a week")
            return _("%(times)s times a week") % {"times": self.times}
        if self.times == 1:
            return _("Once a month")
        if self.times == 2:
            return _("Twice a month")
        return _("%(times)s times a month") % {"times": self.times}


WEEKLY = ReportingDuty(1, "week")
MONTHLY = ReportingDuty(1, "month")


def reporting_duty(programme_code: str) -> ReportingDuty:
    """The default wajib lapor frequency of a programme (DOMAIN.md §3, seed 004): asimilasi
    clients weekly, integration clients (PB, CB, CMB) monthly."""
    if programme_code.upper().startswith("AS"):
        return WEEKLY
    return MONTHLY


_COUNT = r"\b(?P<n>\d+|satu|se|dua|tiga|empat)"
_PERIOD = r"(?P<per>minggu|pekan|bulan|week|month)"
_NUMBERS = {"satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4}
_ABOUT_REPORTING = re.compile(r"wajib\s+(?:me)?lapor|lapor\s+diri|\bmelapor\b|\breport(?:ing|s)?\b")
# "dua kali sebulan", "2x seminggu", "2 (dua) kali dalam sebulan", "sekali sebulan",
# "seminggu sekali", "sebulan dua kali", "twice a month", "once a week".
_COUNTED = [
    re.compile(
        _COUNT
        + r"(?:\s*\(\w+\))?\s*(?:kali|x)\s*(?:(?:dalam|per|tiap|setiap)\s+)?(?:se)?"
        + _PERIOD
    ),
    re.compile(r"\bse" + _PERIOD + r"\s+(?P<n>se|dua|tiga|empat|\d+)\s*kali"),
    re.compile(r"\b(?P<n>once|twice)\s+(?:a|per|every)\s+" + _PERIOD),
]
# "setiap minggu", "tiap bulan": once a period, unless a count is written elsewhere.
_EVERY = re.compile(r"\b(?:setiap|tiap|every)\s+" + _PERIOD)
_ANY_COUNT = re.compile(r"kali|\dx|twice|times")


def _times(word: str) -> int:
    if word == "twice":
        return 2
    if word == "once":
        return 1
    return int(word) if word.isdigit() else _NUMBERS[word]


def _duty(times: int, period: str) -> ReportingDuty:
    return ReportingDuty(times, "week" if period in ("minggu", "pekan", "week") else "month")


def duty_from_conditions(conditions: str) -> ReportingDuty | None:
    """The reporting duty a case's special conditions set, if one is about reporting
    (wajib lapor). One whose frequency is not understood is returned as written, so the card
    never prints a default that the conditions contradict."""
    for sentence in re.split(r"(?<=[.;])\s+|\n+", conditions):
        lowered = sentence.lower()
        if not _ABOUT_REPORTING.search(lowered):
            continue
        for pattern in _COUNTED:
            if match := pattern.search(lowered):
                return _duty(_times(match["n"]), match["per"])
        if (match := _EVERY.search(lowered)) and not _ANY_COUNT.search(lowered):
            return _duty(1, match["per"])
        return ReportingDuty(0, "", condition=sentence.strip())
    return None
