"""The user's own in-app notifications: the list, and marking them read."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from bimkemas.accounts.models import User
from bimkemas.notifications.models import Notification
from bimkemas.notifications.services import notification_mark_read

PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.in_app_for(_user(request)).order_by("-created_at", "-pk")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def notification_read(request: HttpRequest, public_id=None) -> HttpResponse:
    notification_mark_read(actor=_user(request), public_id=public_id)
    return redirect("notification_list")
