"""What is due: an agreed plan for the current stage, and an approved evaluation for each
stage that ended (shown from 14 days before a stage's last day, so officers prepare).

The stage is read from the dates stored on the case (`lanjutan_from`, `akhir_from`), as the
lists do (`clients.models.stage_q`). The pure functions below state the rule for one case;
the registered rules apply it to a whole queryset in a few queries, and the property tests
check that both agree around the stage boundaries.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bimkemas.core.dates import long_date
from bimkemas.core.due import Due, due_rule, url_maker
from bimkemas.guidance.models import (
    OPEN_EVALUATION_STATUSES,
    Evaluation,
    EvaluationStatus,
    GuidanceStage,
    PlanStatus,
    StagePlan,
)
from bimkemas.guidance.stages import spans_of

PLAN_DAYS = 14  # a stage's plan is due this many days after the stage began
EVALUATION_DAYS = 14  # an evaluation is due this many days after the stage's last day
EVALUATION_LEAD = 14  # and shows from this many days before the stage's last day
DAY = dt.timedelta(days=1)


def plan_due_on(
    start: dt.date, lanjutan_from: dt.date, akhir_from: dt.date, end: dt.date, day: dt.date
) -> tuple[str, dt.date] | None:
    """(current stage, the day its plan is due), or None outside the guidance period."""
    for span in spans_of(start, lanjutan_from, akhir_from, end):
        if span.first_day <= day <= span.last_day:
            return span.stage, span.first_day + dt.timedelta(days=PLAN_DAYS)
    return None


def evaluations_due_on(
    start: dt.date, lanjutan_from: dt.date, akhir_from: dt.date, end: dt.date, day: dt.date
) -> list[tuple[str, dt.date]]:
    """(stage, the day its evaluation is due) for every stage that has begun and ends within
    EVALUATION_LEAD days of `day` or has ended."""
    return [
        (span.stage, span.last_day + dt.timedelta(days=EVALUATION_DAYS))
        for span in spans_of(start, lanjutan_from, akhir_from, end)
        if span.first_day <= day and span.last_day <= day + dt.timedelta(days=EVALUATION_LEAD)
    ]


def stage_by_date(day: dt.date):
    """SQL: the stage on `day` of a case under guidance (by the stored dates)."""
    return Case(
        When(lanjutan_from__gt=day, then=Value(GuidanceStage.AWAL.value)),
        When(akhir_from__gt=day, then=Value(GuidanceStage.LANJUTAN.value)),
        default=Value(GuidanceStage.AKHIR.value),
        output_field=CharField(),
    )


def agreed_plan_exists(stage=None):
    """SQL: the case (OuterRef "pk") has an agreed plan for `stage` (or OuterRef "stage")."""
    return Exists(
        StagePlan.objects.filter(
            case_id=OuterRef("pk"),
            stage=stage if stage is not None else OuterRef("stage"),
            status=PlanStatus.AGREED,
        )
    )


def approved_evaluation_exists(stage: str):
    return Exists(
        Evaluation.objects.filter(
            case_id=OuterRef("pk"), stage=stage, status=EvaluationStatus.APPROVED
        )
    )


def _client_url(client_public_id) -> str:
    return url_maker("client_detail", "guidance-title")(client_public_id)


def plan_missing(cases, day: dt.date):
    """Open cases under guidance on `day` without an agreed plan for their stage, annotated
    with `stage` and `stage_start`."""
    return (
        cases.open()
        .filter(guidance_start__lte=day, guidance_end__gte=day)
        .annotate(stage=stage_by_date(day))
        .annotate(
            stage_start=Case(
                When(lanjutan_from__gt=day, then=F("guidance_start")),
                When(akhir_from__gt=day, then=F("lanjutan_from")),
                default=F("akhir_from"),
            )
        )
        .exclude(agreed_plan_exists())
    )


@due_rule("guidance.plan", label=gettext_lazy("Stage plan"), order=20)
def plan_due(cases, day: dt.date) -> Iterator[Due]:
    rows = plan_missing(cases, day).values_list(
        "pk", "stage", "guidance_start", "lanjutan_from", "akhir_from", "client__public_id"
    )
    starts = {GuidanceStage.AWAL: 2, GuidanceStage.LANJUTAN: 3, GuidanceStage.AKHIR: 4}
    details = {stage: _("Plan of %(stage)s") % {"stage": stage.label} for stage in GuidanceStage}
    client_url = url_maker("client_detail", "guidance-title")
    for row in rows:
        stage = GuidanceStage(row[1])
        began = row[starts[stage]]
        yield Due(
            case_id=row[0],
            due_on=began + dt.timedelta(days=PLAN_DAYS),
            detail=details[stage],
            url=client_url(row[5]),
        )


def evaluation_missing(cases, day: dt.date, stage: str):
    """(Cases whose `stage` has begun and ends by day + lead without an approved evaluation,
    the field that holds the stage's last day — or the day after it, for awal and lanjutan)."""
    soon = day + dt.timedelta(days=EVALUATION_LEAD)
    if stage == GuidanceStage.AWAL:
        cases = cases.filter(
            guidance_start__lte=day,
            lanjutan_from__gt=F("guidance_start"),
            lanjutan_from__lte=soon + DAY,
        )
        last = "lanjutan_from"
    elif stage == GuidanceStage.LANJUTAN:
        cases = cases.filter(
            lanjutan_from__lte=day, akhir_from__gt=F("lanjutan_from"), akhir_from__lte=soon + DAY
        )
        last = "akhir_from"
    else:
        cases = cases.filter(akhir_from__lte=day, guidance_end__lte=soon).filter(
            akhir_from__lte=F("guidance_end")
        )
        last = "guidance_end"
    return cases.exclude(approved_evaluation_exists(stage)), last


def _evaluation_rows(cases, day: dt.date, stage: str):
    """(pk, the stage's last day, client public id, the version being written and its
    status) of the cases that owe the stage's evaluation."""
    cases, last = evaluation_missing(cases, day, stage)
    being_written = Evaluation.objects.filter(
        case_id=OuterRef("pk"), stage=stage, status__in=OPEN_EVALUATION_STATUSES
    )
    rows = cases.annotate(
        open_id=Subquery(being_written.values("public_id")[:1]),
        open_status=Subquery(being_written.values("status")[:1]),
    ).values_list("pk", last, "client__public_id", "open_id", "open_status")
    for pk, boundary, client_id, open_id, open_status in rows:
        last_day = boundary if last == "guidance_end" else boundary - DAY
        yield pk, last_day, client_id, open_id, open_status


@due_rule("guidance.evaluation", label=gettext_lazy("Stage evaluation"), order=30)
def evaluation_due(cases, day: dt.date) -> Iterator[Due]:
    cases = cases.open()
    client_url = url_maker("client_detail", "guidance-title")
    evaluation_url = url_maker("guidance_evaluation")
    statuses = {status: str(status.label) for status in EvaluationStatus}
    for stage in GuidanceStage:
        template = _("Evaluation of %(stage)s (ends %(day)s)")
        label = str(stage.label)
        for pk, last_day, client_id, open_id, open_status in _evaluation_rows(cases, day, stage):
            detail = template % {"stage": label, "day": long_date(last_day)}
            if open_status:
                detail += f" · {statuses[EvaluationStatus(open_status)]}"
            yield Due(
                case_id=pk,
                due_on=last_day + dt.timedelta(days=EVALUATION_DAYS),
                detail=detail,
                url=evaluation_url(open_id) if open_id else client_url(client_id),
            )


def overdue_per_officer(cases, day: dt.date) -> dict[int, Counter]:
    """{officer id: Counter(kind → overdue plans and evaluations)}: what `dues_for` would
    report as overdue for these two kinds, counted in SQL (four grouped queries)."""
    late = day - dt.timedelta(days=PLAN_DAYS)
    counts: dict[int, Counter] = defaultdict(Counter)
    plans = plan_missing(cases, day).filter(stage_start__lt=late)
    for officer_id, n in plans.values_list("officer_id").annotate(n=Count("pk")):
        counts[officer_id]["guidance.plan"] += n
    late = day - dt.timedelta(days=EVALUATION_DAYS)
    for stage in GuidanceStage:
        missing, last = evaluation_missing(cases.open(), day, stage)
        # Overdue: the last day + EVALUATION_DAYS is before `day`.
        lookup = {f"{last}__lt": late} if last == "guidance_end" else {f"{last}__lte": late}
        rows = missing.filter(**lookup).values_list("officer_id").annotate(n=Count("pk"))
        for officer_id, n in rows:
            counts[officer_id]["guidance.evaluation"] += n
    counts.pop(None, None)  # type: ignore[call-overload]
    return dict(counts)
