from django.urls import path

from bimkemas.dashboards import due, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("office/", views.office_overview, name="office_overview"),
    path("due/", due.due_list, name="due_list"),
    path("national/", views.national_overview, name="national_overview"),
]
