"""Reporting statistics of an office: page with charts and tables, CSV and XLSX exports."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from bimkemas.accounts.models import Office, User
from bimkemas.core.dates import today
from bimkemas.reporting import statistics as stats


def _range(request: HttpRequest) -> tuple[dt.date, dt.date, str]:
    """The months asked for, or the last twelve months; with a message when refused."""
    last_default = today().replace(day=1)
    first_default = stats.add_months(last_default, -11)
    asked_first, asked_last = request.GET.get("from", ""), request.GET.get("to", "")
    if not asked_first and not asked_last:
        return first_default, last_default, ""
    try:
        first = stats.parse_month(asked_first or f"{first_default:%Y-%m}")
        last = stats.parse_month(asked_last or f"{last_default:%Y-%m}")
        stats.check_range(first, last)
    except ValueError as error:
        message = str(error) if isinstance(error, stats.RangeError) else ""
        return first_default, last_default, message or _("Write the months as YYYY-MM.")
    return first, last, ""


def _figures(request: HttpRequest):
    user = request.user
    assert isinstance(user, User)
    office = stats.office_for_statistics(user, request.GET.get("office", ""))
    first, last, error = _range(request)
    counts = stats.reports_per_month(office.pk, first, last)
    first_day, last_day = stats.month_range_days(first, last)
    distribution = stats.compliance_distribution(office.pk, first_day, last_day)
    return office, first, last, error, counts, distribution


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if user.is_national_viewer and not request.GET.get("office"):
        offices = Office.objects.order_by("name")
        return render(request, "reporting/statistics_choose.html", {"offices": offices})
    office, first, last, error, counts, distribution = _figures(request)
    table = stats.monthly_table(counts)
    context = {
        "office": office,
        "offices": Office.objects.order_by("name") if user.is_national_viewer else [],
        "first": first,
        "last": last,
        "error": error,
        "rows": [
            (month, [(name, stats.CHANNEL_LABELS[name], row[name]) for name in stats.CHANNELS])
            for month, row in table
        ],
        "totals": {name: sum(row[name] for _month, row in table) for name in stats.CHANNELS},
        "channels": [(name, stats.CHANNEL_LABELS[name]) for name in stats.CHANNELS],
        "distribution": distribution,
        "chart": {
            "months": [month for month, _row in table],
            "series": [
                {"label": str(stats.CHANNEL_LABELS[name]), "data": [r[name] for _m, r in table]}
                for name in stats.CHANNELS
            ],
            "bands": [label for label, _n in distribution.band_rows()],
            "clients": distribution.bands,
            "clients_label": _("Clients"),
        },
        "query": f"office={office.code}&from={first:%Y-%m}&to={last:%Y-%m}",
    }
    return render(request, "reporting/statistics.html", context)


@login_required
def statistics_export(request: HttpRequest, fmt: str) -> HttpResponse:
    office, first, last, _error, counts, distribution = _figures(request)
    name = f"wajib-lapor-{office.code}-{first:%Y-%m}-{last:%Y-%m}"
    if fmt == "csv":
        table = "compliance" if request.GET.get("table") == "compliance" else "reports"
        body = stats.export_csv(counts, distribution, table)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        filename = f"{name}-{table}.csv"
    elif fmt == "xlsx":
        title = f"{office.name}: {first:%m/%Y} – {last:%m/%Y}"
        response = HttpResponse(
            stats.export_xlsx(counts, distribution, title),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename = f"{name}.xlsx"
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
