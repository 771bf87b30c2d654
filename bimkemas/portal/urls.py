"""The client's app under /lapor/ (Indonesian addresses: the client reads them), and the
officer's page that issues the activation code."""

from django.urls import path

from bimkemas.portal import staff, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("aktivasi/", views.activate, name="activate"),
    path("masuk/", views.sign_in, name="sign_in"),
    path("keluar/", views.sign_out, name="sign_out"),
    path("lupa-pin/", views.forgot_pin, name="forgot_pin"),
    path("laporan/", views.checkin, name="checkin"),
    path("laporan/<uuid:public_id>/", views.done, name="done"),
    path("luring/", views.offline, name="offline"),
    path("token/", views.csrf_token, name="csrf_token"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("akses/<uuid:client_id>/", staff.issue_code, name="issue_code"),
]
