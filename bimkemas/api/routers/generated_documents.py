"""API: generated documents (DOCX and PDF of litmas, progress reports, TPP minutes, cards,
certificates)."""

from ninja import Router

router = Router(tags=["Generated documents"])
