from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LitmasConfig(AppConfig):
    """Litmas (penelitian kemasyarakatan): requests, public tracking, structured reports, review
    and versions.
    """

    name = "bimkemas.litmas"
    verbose_name = _("Litmas")
