"""The client page's "Generated documents" section: every document about the client (all
kinds, newest first) and the buttons that generate a guidance card version."""

from django.template.loader import render_to_string
from django.urls import reverse

from bimkemas.clients.access import writable_clients
from bimkemas.core.panels import client_panel
from bimkemas.documents.selectors import documents_of_client

DOCUMENTS_SHOWN = 20


@client_panel(order=90)
def generated_documents(request, client, case) -> str:
    can_generate = (
        case is not None
        and case.officer_id is not None
        and writable_clients(request.user).filter(pk=client.pk).exists()
    )
    context = {
        "documents": documents_of_client(client.pk)[:DOCUMENTS_SHOWN],
        "card_action": reverse("guidance_card_generate", args=[case.public_id])
        if can_generate
        else "",
    }
    return render_to_string("documents/partials/panel.html", context, request=request)
