"""API: assessments."""

from ninja import Router

router = Router(tags=["Assessments"])
