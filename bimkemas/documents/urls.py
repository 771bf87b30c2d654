from django.urls import path

from bimkemas.documents import views

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
]
