"""API: termination."""

from ninja import Router

router = Router(tags=["Termination"])
