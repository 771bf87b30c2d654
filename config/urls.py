from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("bimkemas.dashboards.urls")),
    path("", include("bimkemas.accounts.urls")),
    path("", include("bimkemas.clients.urls")),
    path("", include("bimkemas.notifications.urls")),
    path("", include("bimkemas.reporting.urls")),
    path("", include("bimkemas.documents.urls")),
    path("", include("bimkemas.assessments.urls")),
    path("", include("bimkemas.visits.urls")),
    path("", include("bimkemas.guidance.urls")),
    path("", include("bimkemas.tpp.urls")),
    path("", include("bimkemas.termination.urls")),
    path("", include("bimkemas.litmas.urls")),
    path("", include("bimkemas.violations.urls")),
    path("", include("bimkemas.revocation.urls")),
    path("", include("bimkemas.linkage.urls")),
    path("api/", include("bimkemas.api.urls")),
    path("lapor/", include("bimkemas.portal.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler403 = "bimkemas.core.views.forbidden"
handler404 = "bimkemas.core.views.not_found"
handler500 = "bimkemas.core.views.server_error"
