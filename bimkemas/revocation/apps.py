from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RevocationConfig(AppConfig):
    """Revocation (pencabutan) of a client's release: request, statement, examination, TPP
    recommendation, temporary revocation by the Bapas head, report upward, final decision."""

    name = "bimkemas.revocation"
    verbose_name = _("Revocation")
