from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Risk and needs assessments: instruments defined as versioned data, assessments scored into
    bands and need domains.
    """

    name = "bimkemas.assessments"
    verbose_name = _("Assessments")
