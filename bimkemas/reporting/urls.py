from django.urls import path

from bimkemas.reporting.views import (
    checkins,
    duty,
    messages,
    review,
    statistics,
    supervision,
    worklists,
)

urlpatterns = [
    path("reporting/front-desk/", checkins.front_desk, name="reporting_front_desk"),
    path(
        "reporting/front-desk/visit/",
        checkins.front_desk_visit,
        name="reporting_front_desk_visit",
    ),
    path(
        "reporting/cases/<uuid:public_id>/contact/",
        checkins.contact_record,
        name="reporting_contact_record",
    ),
    path(
        "reporting/cases/<uuid:public_id>/schedule/",
        duty.schedule_change,
        name="reporting_schedule_change",
    ),
    path(
        "reporting/cases/<uuid:public_id>/excuse/",
        duty.excuse_record,
        name="reporting_excuse_record",
    ),
    path(
        "reporting/checkins/<uuid:public_id>/<slug:kind>/",
        checkins.checkin_file,
        name="reporting_checkin_file",
    ),
    path(
        "reporting/checkins/<uuid:public_id>/<slug:kind>/<int:number>/",
        checkins.checkin_file,
        name="reporting_checkin_photo",
    ),
    path("reporting/review/", review.review_list, name="reporting_review_list"),
    path("reporting/review/<uuid:public_id>/", review.review_mark, name="reporting_review_mark"),
    path("reporting/worklists/<slug:kind>/", worklists.worklist, name="reporting_worklist"),
    path("reporting/supervision/", supervision.supervision, name="reporting_supervision"),
    path(
        "reporting/supervision/officers/<uuid:public_id>/",
        supervision.supervision_officer,
        name="reporting_supervision_officer",
    ),
    path("reporting/statistics/", statistics.statistics, name="reporting_statistics"),
    path(
        "reporting/statistics/export.<slug:fmt>",
        statistics.statistics_export,
        name="reporting_statistics_export",
    ),
    path(
        "reporting/clients/<uuid:public_id>/opt-out/",
        messages.client_opt_out,
        name="reporting_client_opt_out",
    ),
]
