"""The `--office CODE` and `--date YYYY-MM-DD` options the reporting commands share."""

import datetime as dt

from django.core.management.base import CommandError, CommandParser

from bimkemas.accounts.models import Office


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date wants YYYY-MM-DD, not {value!r}") from error


def add_office_and_date(parser: CommandParser, *, date_help: str) -> None:
    parser.add_argument("--office", metavar="CODE", help="only this office (its code)")
    parser.add_argument("--date", metavar="YYYY-MM-DD", type=_date, help=date_help)


def office_named(code: str | None) -> Office | None:
    """The office whose code `--office` names (any case), None without it."""
    if not code:
        return None
    office = Office.objects.filter(code__iexact=code).first()
    if office is None:
        raise CommandError(f"no office with code {code!r}")
    return office
