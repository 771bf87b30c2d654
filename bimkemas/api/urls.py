from django.urls import path

from bimkemas.api.api import api

urlpatterns = [path("", api.urls)]
