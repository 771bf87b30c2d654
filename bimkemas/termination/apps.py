from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerminationConfig(AppConfig):
    """Ending a case: completion with its certificate, death, transfer to another Bapas, after-care
    enrolment.
    """

    name = "bimkemas.termination"
    verbose_name = _("Termination")
