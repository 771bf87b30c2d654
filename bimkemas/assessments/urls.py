from django.urls import path

from bimkemas.assessments import views

urlpatterns = [
    path(
        "assessments/cases/<uuid:public_id>/new/",
        views.assessment_choose,
        name="assessment_choose",
    ),
    path(
        "assessments/cases/<uuid:public_id>/new/<uuid:instrument_id>/",
        views.assessment_new,
        name="assessment_new",
    ),
    path(
        "assessments/cases/<uuid:public_id>/reassess/",
        views.trigger_new,
        name="assessment_trigger_new",
    ),
    path("assessments/<uuid:public_id>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<uuid:public_id>/edit/", views.assessment_edit, name="assessment_edit"),
]
