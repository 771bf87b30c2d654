from django.urls import path

from bimkemas.visits.views import offline, pages, record

urlpatterns = [
    path("visits/", pages.my_visits, name="visits_home"),
    path("visits/sw.js", offline.service_worker, name="visits_sw"),
    path("visits/token/", offline.csrf_token, name="visits_token"),
    path("visits/day/<str:day>/", pages.day_plan, name="visits_day"),
    path("visits/plan/<uuid:case_id>/", pages.plan, name="visits_plan"),
    path("visits/new/<uuid:case_id>/", record.record_new, name="visits_new"),
    path("visits/<uuid:public_id>/", pages.detail, name="visits_detail"),
    path("visits/<uuid:public_id>/record/", record.record_planned, name="visits_record"),
    path("visits/<uuid:public_id>/cancel/", pages.cancel, name="visits_cancel"),
    path("visits/<uuid:public_id>/photos/<int:number>/", pages.photo, name="visits_photo"),
]
