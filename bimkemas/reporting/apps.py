from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Wajib lapor: check-ins through every channel, schedules, compliance, reminders."""

    name = "bimkemas.reporting"
    verbose_name = _("Reporting (wajib lapor)")
