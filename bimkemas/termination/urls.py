"""Ending a case: completion with its certificate, death, transfer to another Bapas, after-care
enrolment.
"""

from django.urls import path

from bimkemas.termination import views

urlpatterns = [
    path("cases/<uuid:public_id>/terminate/", views.termination_case, name="termination_case"),
    path(
        "cases/<uuid:public_id>/terminate/complete/",
        views.termination_complete,
        name="termination_complete",
    ),
    path(
        "cases/<uuid:public_id>/terminate/died/",
        views.termination_died,
        name="termination_died",
    ),
    path(
        "cases/<uuid:public_id>/terminate/revoke/",
        views.termination_revoke,
        name="termination_revoke",
    ),
    path(
        "cases/<uuid:public_id>/terminate/transfer/",
        views.termination_transfer,
        name="termination_transfer",
    ),
    path(
        "cases/<uuid:public_id>/certificate/",
        views.certificate_generate_view,
        name="termination_certificate",
    ),
]
