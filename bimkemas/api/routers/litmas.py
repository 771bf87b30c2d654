"""API: litmas."""

from ninja import Router

router = Router(tags=["Litmas"])
