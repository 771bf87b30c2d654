"""API: guidance."""

from ninja import Router

router = Router(tags=["Guidance"])
