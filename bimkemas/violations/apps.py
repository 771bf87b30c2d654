from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ViolationsConfig(AppConfig):
    """Violations of a client's conditions, opened by a rule or recorded by an officer."""

    name = "bimkemas.violations"
    verbose_name = _("Violations")
