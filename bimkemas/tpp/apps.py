from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TppConfig(AppConfig):
    """TPP sessions (Tim Pengamat Pemasyarakatan): agenda, attendance, recommendations, decisions,
    stage transitions, minutes.
    """

    name = "bimkemas.tpp"
    verbose_name = _("TPP sessions")
