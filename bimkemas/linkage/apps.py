from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    """External records (prison admissions, court decisions) and finding clients in them
    despite spelling differences: the Indonesian name normaliser, the Splink model, alerts,
    the review queue and the officer's confirmation."""

    name = "bimkemas.linkage"
    verbose_name = _("Record linkage")

    def ready(self) -> None:
        # The intake's possible-duplicate warning by the matcher (core.duplicates).
        from bimkemas.linkage import duplicates  # noqa: F401
