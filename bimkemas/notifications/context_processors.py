from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from bimkemas.notifications.models import Notification


def unread_notifications(request: HttpRequest) -> dict:
    """`unread_notifications`: the user's unread in-app count, queried only when shown."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.in_app_for(user).unread().count()
        )
    }
