"""Reads of generated documents shared by the web pages and the API."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from bimkemas.documents.models import GeneratedDocument


def documents_of(source: models.Model, kind: str | None = None) -> QuerySet[GeneratedDocument]:
    """Every version generated from `source` (optionally of one kind), newest first."""
    documents = GeneratedDocument.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    )
    if kind is not None:
        documents = documents.filter(kind=kind)
    return documents.select_related("created_by").order_by("-created_at", "-pk")


def documents_of_client(client_pk: int) -> QuerySet[GeneratedDocument]:
    """Every document about a client, of all kinds and sources, newest first."""
    return (
        GeneratedDocument.objects.filter(client_pk=client_pk)
        .select_related("created_by")
        .order_by("-created_at", "-pk")
    )
