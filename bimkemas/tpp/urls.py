"""TPP sessions (Tim Pengamat Pemasyarakatan): agenda, attendance, recommendations, decisions,
stage transitions, minutes.
"""

from django.urls import path

from bimkemas.tpp.views import cases, sessions

urlpatterns = [
    path("tpp/", sessions.session_list, name="tpp_session_list"),
    path("tpp/new/", sessions.session_schedule, name="tpp_session_schedule"),
    path("tpp/<uuid:public_id>/", sessions.session_detail, name="tpp_session_detail"),
    path("tpp/<uuid:public_id>/agenda/", sessions.agenda_add, name="tpp_agenda_add"),
    path(
        "tpp/<uuid:public_id>/items/<uuid:item_id>/decide/",
        sessions.item_decide,
        name="tpp_item_decide",
    ),
    path("tpp/<uuid:public_id>/members/", sessions.member_add, name="tpp_member_add"),
    path(
        "tpp/<uuid:public_id>/members/<uuid:member_id>/attendance/",
        sessions.member_attendance,
        name="tpp_member_attendance",
    ),
    path("tpp/<uuid:public_id>/close/", sessions.session_close, name="tpp_session_close"),
    path("tpp/<uuid:public_id>/minutes/", sessions.minutes, name="tpp_minutes"),
    path("cases/<uuid:public_id>/tpp/propose/", cases.case_propose, name="tpp_case_propose"),
    path("cases/<uuid:public_id>/tpp/override/", cases.case_override, name="tpp_case_override"),
]
