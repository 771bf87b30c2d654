"""The revocation's state machine, in one place (pure: no database).

DOMAIN.md §4: request → statement (BAP) → examination of the client → TPP recommendation →
temporary revocation by the Bapas head → report upward (Kanwil / Ditjenpas) → final decision.
Asimilasi routes differently: after the TPP the Bapas reports to the originating Lapas/Rutan,
which decides; the Bapas head does not revoke temporarily.

    integration  requested ─statement→ statement_taken ─examination→ examined ─tpp(yes)→
                 recommended ─temporary→ temporarily_revoked ─report→ reported ─decision→
                 revoked | not_revoked
    asimilasi    … examined ─tpp(yes)→ recommended ─report→ reported ─decision→ …
    both         examined ─tpp(no)→ not_recommended ─decision(not revoked)→ not_revoked

A request may be withdrawn until the head revokes temporarily (or, for asimilasi, until the
report goes to the prison); afterwards only a final decision ends it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

SERVICE_STANDARD_DAYS = 20  # working days from the request (DOMAIN.md §4)


class Route(models.TextChoices):
    INTEGRATION = "integration", _("PB, CB, CMB: the Bapas head revokes temporarily")
    ASIMILASI = "asimilasi", _("Asimilasi: the prison decides")


class Status(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    STATEMENT_TAKEN = "statement_taken", _("Statement taken")
    EXAMINED = "examined", _("Client examined")
    RECOMMENDED = "recommended", _("TPP recommends revocation")
    NOT_RECOMMENDED = "not_recommended", _("TPP does not recommend revocation")
    TEMPORARILY_REVOKED = "temporarily_revoked", _("Temporarily revoked")
    REPORTED = "reported", _("Reported, awaiting the decision")
    REVOKED = "revoked", _("Revoked")
    NOT_REVOKED = "not_revoked", _("Not revoked")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class StepKind(models.TextChoices):
    REQUEST = "request", _("Request")
    STATEMENT = "statement", _("Statement (BAP)")
    EXAMINATION = "examination", _("Examination of the client")
    TPP = "tpp", _("TPP recommendation")
    TEMPORARY = "temporary", _("Temporary revocation by the Bapas head")
    REPORT = "report", _("Report")
    DECISION = "decision", _("Final decision")
    WITHDRAWAL = "withdrawal", _("Withdrawal")


FINAL_STATUSES = (Status.REVOKED, Status.NOT_REVOKED, Status.WITHDRAWN)
OPEN_STATUSES = tuple(status for status in Status if status not in FINAL_STATUSES)
WITHDRAWABLE = (
    Status.REQUESTED,
    Status.STATEMENT_TAKEN,
    Status.EXAMINED,
    Status.RECOMMENDED,
    Status.NOT_RECOMMENDED,
)

# (status, step) → the status it leads to; outcome-dependent steps map to a pair
# (status when yes / revoked, status when no / not revoked).
_COMMON: dict[tuple[str, str], str | tuple[str, str]] = {
    (Status.REQUESTED, StepKind.STATEMENT): Status.STATEMENT_TAKEN,
    (Status.STATEMENT_TAKEN, StepKind.EXAMINATION): Status.EXAMINED,
    (Status.EXAMINED, StepKind.TPP): (Status.RECOMMENDED, Status.NOT_RECOMMENDED),
    (Status.REPORTED, StepKind.DECISION): (Status.REVOKED, Status.NOT_REVOKED),
    (Status.NOT_RECOMMENDED, StepKind.DECISION): (Status.NOT_REVOKED, Status.NOT_REVOKED),
}
TRANSITIONS: dict[str, dict[tuple[str, str], str | tuple[str, str]]] = {
    Route.INTEGRATION: {
        **_COMMON,
        (Status.RECOMMENDED, StepKind.TEMPORARY): Status.TEMPORARILY_REVOKED,
        (Status.TEMPORARILY_REVOKED, StepKind.REPORT): Status.REPORTED,
    },
    Route.ASIMILASI: {
        **_COMMON,
        (Status.RECOMMENDED, StepKind.REPORT): Status.REPORTED,
    },
}


class TransitionError(Exception):
    pass


def allowed_steps(status: str, route: str) -> list[str]:
    """The steps that may be recorded now, the main one first, withdrawal last."""
    steps = [step for (source, step) in TRANSITIONS[route] if source == status]
    if status in WITHDRAWABLE:
        steps.append(StepKind.WITHDRAWAL)
    return steps


def next_step(status: str, route: str) -> str | None:
    """The one step due next (None once the revocation has ended)."""
    steps = [step for step in allowed_steps(status, route) if step != StepKind.WITHDRAWAL]
    return steps[0] if steps else None


def advance(status: str, route: str, step: str, *, yes: bool = True) -> str:
    """The status after recording `step` (`yes`: the TPP recommends revocation, or the
    decision revokes); TransitionError when the step is not allowed now."""
    if step == StepKind.WITHDRAWAL:
        if status in WITHDRAWABLE:
            return Status.WITHDRAWN
        raise TransitionError(step)
    if (
        status == Status.NOT_RECOMMENDED
        and step == StepKind.DECISION
        and yes  # revoking against the TPP's recommendation is not this process
    ):
        raise TransitionError(step)
    target = TRANSITIONS[route].get((status, step))
    if target is None:
        raise TransitionError(step)
    if isinstance(target, tuple):
        return target[0] if yes else target[1]
    return target


def is_final(status: str) -> bool:
    return status in FINAL_STATUSES
