from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    """The guidance programme per stage: plans, activities, evaluations (progress reports) and
    coverage.
    """

    name = "bimkemas.guidance"
    verbose_name = _("Guidance")
