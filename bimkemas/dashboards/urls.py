from django.urls import path

from bimkemas.dashboards import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("office/", views.office_overview, name="office_overview"),
    path("national/", views.national_overview, name="national_overview"),
]
