"""Violations: recording one for a case, a violation's page (decision, evidence, letters),
the office's list and the office's ladder."""

from django.urls import path

from bimkemas.violations import views

urlpatterns = [
    path("cases/<uuid:public_id>/violations/new/", views.violation_new, name="violation_new"),
    path("violations/", views.violation_list, name="violation_list"),
    path("violations/<uuid:public_id>/", views.violation_detail, name="violation_detail"),
    path("violations/<uuid:public_id>/decide/", views.violation_decide, name="violation_decide"),
    path("violations/<uuid:public_id>/dismiss/", views.violation_dismiss, name="violation_dismiss"),
    path(
        "violations/<uuid:public_id>/attachments/",
        views.violation_attach,
        name="violation_attach",
    ),
    path(
        "violations/<uuid:public_id>/attachments/<uuid:attachment_id>/",
        views.attachment_download,
        name="violation_attachment",
    ),
    path("violations/<uuid:public_id>/letter/", views.violation_letter, name="violation_letter"),
    path("office/violation-ladder/", views.ladder_settings, name="violation_ladder"),
]
