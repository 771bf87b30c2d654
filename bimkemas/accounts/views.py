from django.contrib.auth import views as auth_views
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

_log_out = auth_views.LogoutView.as_view()


@require_http_methods(["GET", "POST"])
def logout(request: HttpRequest) -> HttpResponseBase:
    """POST logs out. GET (a typed URL, an old bookmark) asks first, since a link alone must
    not log anyone out; someone already logged out goes to the login page."""
    if request.method == "POST":
        return _log_out(request)
    if not request.user.is_authenticated:
        return redirect("login")
    return render(request, "registration/logout_confirm.html")
