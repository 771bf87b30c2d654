from django.urls import path

from bimkemas.audit import views

urlpatterns = [
    path("clients/<uuid:public_id>/log/", views.client_access_log, name="client_access_log"),
]
