"""External records: the list, one record, imports (helper RECS's pages of the app)."""

from django.urls import path

from bimkemas.linkage import record_views

urlpatterns = [
    path("records/", record_views.record_list, name="record_list"),
    path("records/import/", record_views.record_import, name="record_import"),
    path(
        "records/imports/<uuid:public_id>/",
        record_views.record_import_detail,
        name="record_import_detail",
    ),
    path("records/<uuid:public_id>/", record_views.record_detail, name="record_detail"),
]
