"""API: tpp sessions."""

from ninja import Router

router = Router(tags=["TPP sessions"])
