"""Writes of the termination app: completion (with after-care and the certificate's
number), death, revocation, and transfer to another Bapas."""

from bimkemas.termination.services.ending import (
    case_complete,
    case_record_death,
    case_terminate_revoked,
)
from bimkemas.termination.services.transfer import case_transfer

__all__ = ["case_complete", "case_record_death", "case_terminate_revoked", "case_transfer"]
