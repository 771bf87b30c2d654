"""The office's response ladder: counselling → written warning 1 → written warning 2 →
revocation proposal by default, edited by the office's section and Bapas heads.

`office_ladder` heals itself: an office without rungs (a new office, or a test database
flushed of data-migration rows) gets the default ladder on first use.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from bimkemas.accounts.models import Office
from bimkemas.violations.models import LadderRung, ViolationDecision


@dataclass(frozen=True)
class DefaultRung:
    name: str
    letter_title: str
    produces_letter: bool
    proposes_revocation: bool


# Names are an office's data, in Indonesian like its letters; heads rename them.
DEFAULT_RUNGS = (
    DefaultRung("Konseling (teguran lisan)", "Surat Teguran", True, False),
    DefaultRung("Surat Peringatan I", "", True, False),
    DefaultRung("Surat Peringatan II", "", True, False),
    DefaultRung("Usul pencabutan", "", False, True),
)
POSITION_STEP = 10


def office_ladder(office_id: int, *, active_only: bool = True) -> list[LadderRung]:
    """The office's rungs, lowest first; the default ladder is created on first use."""
    rungs = list(LadderRung.objects.filter(office_id=office_id))
    if not rungs:
        rungs = _create_default(office_id)
    rungs.sort(key=lambda rung: (rung.position, rung.pk))
    return [rung for rung in rungs if rung.active or not active_only]


def _create_default(office_id: int) -> list[LadderRung]:
    with transaction.atomic():
        # The office's row lock: two first uses at once create one ladder.
        Office.objects.select_for_update().filter(pk=office_id).first()
        existing = list(LadderRung.objects.filter(office_id=office_id))
        if existing:
            return existing
        return LadderRung.objects.bulk_create(
            [
                LadderRung(
                    office_id=office_id,
                    name=rung.name,
                    letter_title=rung.letter_title,
                    position=(index + 1) * POSITION_STEP,
                    produces_letter=rung.produces_letter,
                    proposes_revocation=rung.proposes_revocation,
                )
                for index, rung in enumerate(DEFAULT_RUNGS)
            ]
        )


def highest_decided_position(case_id: int) -> int | None:
    """The current position of the highest rung already decided for the case."""
    return ViolationDecision.objects.filter(case_id=case_id).aggregate(top=Max("rung__position"))[
        "top"
    ]


def suggest_rung(case_id: int, rungs: list[LadderRung]) -> LadderRung | None:
    """The next active rung after the highest one already decided for the same case; the
    first rung for a first violation; the top rung when the case has reached it."""
    if not rungs:
        return None
    top = highest_decided_position(case_id)
    if top is None:
        return rungs[0]
    return next((rung for rung in rungs if rung.position > top), rungs[-1])


def next_rung_after(rung: LadderRung, rungs: list[LadderRung]) -> LadderRung | None:
    """The rung that would follow `rung` (the consequence printed on its letter)."""
    return next(
        (r for r in rungs if (r.position, r.pk) > (rung.position, rung.pk) and r.pk != rung.pk),
        None,
    )
