from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    """Home visits: planned from the worklist, recorded in the field (offline), ordered into day
    routes.
    """

    name = "bimkemas.visits"
    verbose_name = _("Home visits")
