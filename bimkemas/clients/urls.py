from django.urls import path

from bimkemas.clients.views import access_log, caseload, cases, clients, intake

urlpatterns = [
    path("clients/", clients.client_list, name="client_list"),
    path("clients/<uuid:public_id>/", clients.client_detail, name="client_detail"),
    path("clients/<uuid:public_id>/log/", access_log.client_access_log, name="client_access_log"),
    path("clients/<uuid:public_id>/edit/", clients.client_edit, name="client_edit"),
    path("clients/<uuid:public_id>/phones/", clients.phone_add, name="phone_add"),
    path(
        "clients/<uuid:public_id>/phones/<uuid:phone_id>/check/",
        clients.phone_check,
        name="phone_check",
    ),
    path("cases/<uuid:public_id>/documents/", clients.document_upload, name="document_upload"),
    path("documents/<uuid:public_id>/", clients.document_download, name="document_download"),
    path("intake/", intake.intake, name="intake"),
    path("intake/check/", intake.intake_check, name="intake_check"),
    path("cases/<uuid:public_id>/edit/", cases.case_edit, name="case_edit"),
    path("cases/<uuid:public_id>/assign/", cases.case_assign, name="case_assign"),
    path("cases/<uuid:public_id>/close/", cases.case_close, name="case_close"),
    path("cases/<uuid:public_id>/grant/", cases.case_grant, name="case_grant"),
    path("cases/<uuid:public_id>/card.pdf", cases.case_card, name="case_card"),
    path("officers/<uuid:public_id>/", caseload.officer_caseload, name="officer_caseload"),
]
