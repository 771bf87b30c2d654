"""Home-page work: records that may be one of the officer's clients, awaiting their
decision. Alerts are to do; the middle band needs a look."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bimkemas.accounts.models import User
from bimkemas.clients.access import own_open_cases
from bimkemas.core.dates import long_date
from bimkemas.core.workitems import (
    ITEMS_PER_GROUP,
    Urgency,
    WorkItem,
    WorkItemGroup,
    work_item_provider,
)
from bimkemas.linkage.models import MatchBand, MatchCandidate, MatchStatus

# An alert may mean the client is in custody now: it is decided within days, not weeks.
ALERT_DECISION_DAYS = 3


def _due_and_urgency(
    match: MatchCandidate, band_urgency: str, day: dt.date
) -> tuple[dt.date | None, str]:
    if band_urgency != Urgency.DUE:
        return None, band_urgency
    due = timezone.localdate(match.created_at) + dt.timedelta(days=ALERT_DECISION_DAYS)
    return due, Urgency.OVERDUE if due < day else Urgency.DUE


def _item(match: MatchCandidate, kind: str, band_urgency: str, day: dt.date) -> WorkItem:
    due, urgency = _due_and_urgency(match, band_urgency, day)
    return WorkItem(
        kind=kind,
        title=_("%(source)s at %(institution)s, %(day)s: same person?")
        % {
            "source": match.record.get_source_display(),
            "institution": match.record.institution,
            "day": long_date(match.record.event_date),
        },
        url=reverse("match_detail", args=[match.public_id]),
        subject=match.client.full_name,
        urgency=urgency,
        due=due,
        client_id=match.client.public_id,
    )


def _group(
    matches, kind: str, heading: str, urgency: str, band: str, day: dt.date
) -> list[WorkItemGroup]:
    total = matches.count()
    if not total:
        return []
    items = [
        _item(m, kind, urgency, day)
        for m in matches.select_related("client", "record").order_by("-probability", "-pk")[
            :ITEMS_PER_GROUP
        ]
    ]
    return [
        WorkItemGroup(
            kind,
            heading,
            total,
            items,
            f"{reverse('match_list')}?band={band}",
            _("See all %(count)s") % {"count": total},
        )
    ]


@work_item_provider
def match_decisions(user: User, day: dt.date) -> list[WorkItemGroup]:
    if not user.is_officer:
        return []
    matches = MatchCandidate.objects.filter(
        client_id__in=own_open_cases(user).values("client_id"), status=MatchStatus.PENDING
    )
    return _group(
        matches.filter(band=MatchBand.ALERT),
        "linkage.alert",
        _("Prison or court records that may be your clients"),
        Urgency.DUE,
        MatchBand.ALERT,
        day,
    ) + _group(
        matches.filter(band=MatchBand.REVIEW),
        "linkage.review",
        _("Possible matches to review"),
        Urgency.FLAGGED,
        MatchBand.REVIEW,
        day,
    )
