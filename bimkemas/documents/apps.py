from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Generated documents: DOCX (docxtpl, office-replaceable templates) and PDF (WeasyPrint), each
    stored as a version with its audit row.
    """

    name = "bimkemas.documents"
    verbose_name = _("Documents")
