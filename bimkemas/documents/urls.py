from django.urls import path

from bimkemas.documents import views, views_office

# /documents/<uuid>/ belongs to the clients' handover documents: generated ones live apart.
urlpatterns = [
    path(
        "generated-documents/<uuid:public_id>/",
        views.document_download,
        name="generated_document_download",
    ),
    path(
        "cases/<uuid:public_id>/guidance-card/",
        views.guidance_card_generate,
        name="guidance_card_generate",
    ),
    path("office/documents/", views_office.office_settings, name="document_settings"),
    path(
        "office/documents/letterhead/",
        views_office.letterhead_save,
        name="document_letterhead_save",
    ),
    path(
        "office/documents/templates/",
        views_office.template_upload,
        name="document_template_upload",
    ),
    path(
        "office/documents/templates/<uuid:public_id>/use/",
        views_office.template_activate,
        name="document_template_activate",
    ),
    path(
        "office/documents/templates/<uuid:public_id>/file/",
        views_office.template_file,
        name="document_template_file",
    ),
    path(
        "office/documents/templates/default/<slug:kind>/",
        views_office.template_default,
        name="document_template_default",
    ),
]
