"""The contracts of the apps below that TPP decisions depend on, in one place.

- guidance: a stage may be confirmed only when the PK's evaluation of the stage it leaves
  was approved (`guidance.selectors.approved_evaluation`).
- assessments: a revocation recommendation or a request about a client is new information,
  so the client is re-assessed (`assessments.services.reassessment_trigger`).
"""

from typing import Any

from bimkemas.accounts.models import User
from bimkemas.assessments.services import reassessment_trigger as _reassessment_trigger
from bimkemas.clients.models import SupervisionCase
from bimkemas.guidance.selectors import approved_evaluation as _approved_evaluation


def approved_evaluation(case_id: int, stage: str) -> Any:
    """The approved evaluation of the case's stage, or None."""
    return _approved_evaluation(case_id, stage)


def reassessment_trigger(*, actor: User, case: SupervisionCase, note: str) -> None:
    _reassessment_trigger(actor=actor, case=case, reason="tpp_request", note=note[:500])
