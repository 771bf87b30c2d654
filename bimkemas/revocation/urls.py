"""Revocation (pencabutan): propose, detail with its steps, documents, export, list, statistics."""

from django.urls import path

from bimkemas.revocation import views

urlpatterns = [
    path(
        "cases/<uuid:public_id>/revocation/new/",
        views.revocation_propose,
        name="revocation_propose",
    ),
    path("revocations/", views.revocation_list, name="revocation_list"),
    path("revocations/statistics/", views.revocation_statistics, name="revocation_statistics"),
    path("revocations/<uuid:public_id>/", views.revocation_detail, name="revocation_detail"),
    path(
        "revocations/<uuid:public_id>/step/<slug:step>/",
        views.revocation_step,
        name="revocation_step",
    ),
    path(
        "revocations/<uuid:public_id>/documents/<slug:which>/",
        views.revocation_document,
        name="revocation_document",
    ),
    path("revocations/<uuid:public_id>/export/", views.revocation_export, name="revocation_export"),
]
