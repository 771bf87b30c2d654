"""Who may download a generated document: whoever may see its client; a document about no
client (TPP minutes) the staff of its office. Anything else is a 404."""

from django.core.exceptions import ValidationError
from django.http import Http404

from bimkemas.accounts.models import User
from bimkemas.clients.access import visible_clients
from bimkemas.documents.models import GeneratedDocument


def can_read_document(user: User, document: GeneratedDocument) -> bool:
    if not (user.is_authenticated and user.is_active and user.office_id and user.role):
        return False
    if document.client_pk is None:
        return user.office_id == document.office_id
    return visible_clients(user).filter(pk=document.client_pk).exists()


def get_generated_document_for_user(user: User, public_id) -> GeneratedDocument:
    try:
        document = GeneratedDocument.objects.select_related("office").get(public_id=public_id)
    except (GeneratedDocument.DoesNotExist, ValidationError, ValueError, TypeError) as error:
        raise Http404 from error
    if not can_read_document(user, document):
        raise Http404
    return document
