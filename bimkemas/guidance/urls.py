from django.urls import path

from bimkemas.guidance.views import evaluations, plans, sessions, supervision

urlpatterns = [
    path(
        "guidance/cases/<uuid:public_id>/plans/<slug:stage>/propose/",
        plans.plan_propose_view,
        name="guidance_plan_propose",
    ),
    path("guidance/plans/<uuid:public_id>/", plans.plan_detail, name="guidance_plan"),
    path(
        "guidance/plans/<uuid:public_id>/agree/", plans.plan_agree_view, name="guidance_plan_agree"
    ),
    path(
        "guidance/plans/<uuid:public_id>/approve/",
        plans.plan_approve_view,
        name="guidance_plan_approve",
    ),
    path(
        "guidance/plans/<uuid:public_id>/revise/",
        plans.plan_revise_view,
        name="guidance_plan_revise",
    ),
    path(
        "guidance/cases/<uuid:public_id>/activity/",
        sessions.activity_log,
        name="guidance_activity_log",
    ),
    path("guidance/sessions/group/", sessions.group_session, name="guidance_group_session"),
    path("guidance/sessions/<uuid:public_id>/", sessions.session_detail, name="guidance_session"),
    path(
        "guidance/sessions/<uuid:public_id>/photos/<int:number>/",
        sessions.session_photo,
        name="guidance_session_photo",
    ),
    path(
        "guidance/cases/<uuid:public_id>/evaluations/<slug:stage>/new/",
        evaluations.evaluation_create_view,
        name="guidance_evaluation_create",
    ),
    path(
        "guidance/evaluations/<uuid:public_id>/",
        evaluations.evaluation_detail,
        name="guidance_evaluation",
    ),
    path(
        "guidance/evaluations/<uuid:public_id>/submit/",
        evaluations.evaluation_submit_view,
        name="guidance_evaluation_submit",
    ),
    path(
        "guidance/evaluations/<uuid:public_id>/approve/",
        evaluations.evaluation_approve_view,
        name="guidance_evaluation_approve",
    ),
    path(
        "guidance/evaluations/<uuid:public_id>/return/",
        evaluations.evaluation_return_view,
        name="guidance_evaluation_return",
    ),
    path(
        "guidance/evaluations/<uuid:public_id>/revise/",
        evaluations.evaluation_revise_view,
        name="guidance_evaluation_revise",
    ),
    path(
        "guidance/evaluations/<uuid:public_id>/document/",
        evaluations.evaluation_document,
        name="guidance_evaluation_document",
    ),
    path("guidance/approvals/", supervision.approvals, name="guidance_approvals"),
    path("guidance/coverage/", supervision.coverage, name="guidance_coverage"),
]
