from django.urls import include, path

from bimkemas.linkage import views

urlpatterns = [
    # External records: the list, one record, imports.
    path("", include("bimkemas.linkage.record_urls")),
    # Matches: the review queue, one match and its decision, precision.
    path("matches/", views.match_list, name="match_list"),
    path("matches/run/", views.match_run, name="match_run"),
    path("matches/precision/", views.match_precision, name="match_precision"),
    path("matches/<uuid:public_id>/", views.match_detail, name="match_detail"),
    path("matches/<uuid:public_id>/confirm/", views.match_confirm, name="match_confirm"),
    path("matches/<uuid:public_id>/reject/", views.match_reject, name="match_reject"),
]
