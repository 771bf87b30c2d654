"""API: home visits."""

from ninja import Router

router = Router(tags=["Home visits"])
