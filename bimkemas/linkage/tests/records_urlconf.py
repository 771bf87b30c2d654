"""The project's URLs plus the external records' pages, for tests run before the lead
includes `bimkemas.linkage.record_urls` in the project's URLs."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [*project_urlpatterns, path("", include("bimkemas.linkage.record_urls"))]
