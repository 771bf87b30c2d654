"""Reporting statistics: aggregates only (supervisors of the office; national viewers)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from bimkemas.api.auth import actor
from bimkemas.api.errors import READ_ERRORS
from bimkemas.reporting import statistics as stats

router = Router(tags=["statistics"])
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"


class ReportsQuery(Schema):
    office: str = Field(max_length=20, pattern=r"^[A-Za-z0-9_-]+$")
    from_: str = Field(alias="from", pattern=MONTH, description="First month, YYYY-MM")
    to: str = Field(pattern=MONTH, description="Last month, YYYY-MM")


class MonthCountOut(Schema):
    month: str
    channel: str
    clients: int


@router.get("/statistics/reports", response={200: list[MonthCountOut], **READ_ERRORS})
def reports(request: HttpRequest, filters: Query[ReportsQuery]):
    """Distinct clients who reported per month and channel (in_person, online, app)."""
    office = stats.office_for_statistics(actor(request), filters.office)
    try:
        first, last = stats.parse_month(filters.from_), stats.parse_month(filters.to)
    except ValueError as error:
        raise HttpError(422, _("Enter months from 1900-01 to 2999-12.")) from error
    try:
        stats.check_range(first, last)
    except stats.RangeError as error:
        raise HttpError(422, str(error)) from error
    return [
        {"month": row.month, "channel": row.channel, "clients": row.clients}
        for row in stats.reports_per_month(office.pk, first, last)
    ]
