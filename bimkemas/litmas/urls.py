from django.urls import path

from bimkemas.litmas import views

urlpatterns = [
    path("litmas/lacak/", views.track, name="litmas_track"),
    path("litmas/", views.request_list, name="litmas_request_list"),
    path("litmas/new/", views.request_create, name="litmas_request_create"),
    path("litmas/<uuid:public_id>/", views.request_detail, name="litmas_request_detail"),
    path("litmas/<uuid:public_id>/slip/", views.request_slip, name="litmas_request_slip"),
    path("litmas/<uuid:public_id>/letter/", views.request_letter, name="litmas_request_letter"),
    path("litmas/<uuid:public_id>/assign/", views.request_assign, name="litmas_request_assign"),
    path("litmas/<uuid:public_id>/cancel/", views.request_cancel, name="litmas_request_cancel"),
    path("litmas/<uuid:public_id>/sent/", views.request_mark_sent, name="litmas_request_sent"),
    path("litmas/<uuid:public_id>/report/start/", views.report_start, name="litmas_report_start"),
    path("litmas/<uuid:public_id>/report/", views.report_edit, name="litmas_report_edit"),
    path(
        "litmas/<uuid:public_id>/report/review/", views.report_review, name="litmas_report_review"
    ),
    path(
        "litmas/<uuid:public_id>/report/acknowledge/",
        views.report_acknowledge,
        name="litmas_report_acknowledge",
    ),
    path(
        "litmas/<uuid:public_id>/report/versions/<int:number>/",
        views.version_detail,
        name="litmas_version_detail",
    ),
    path(
        "litmas/<uuid:public_id>/report/document/<slug:fmt>/",
        views.report_document,
        name="litmas_report_document",
    ),
]
