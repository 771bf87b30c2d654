"""All the items of one wajib lapor worklist (the home page shows the first few)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bimkemas.accounts.models import User
from bimkemas.clients.access import require
from bimkemas.clients.work_items import audit_work_items_shown
from bimkemas.core.dates import today
from bimkemas.core.workitems import WorkItem, WorkItemGroup
from bimkemas.reporting.work_items import WORKLISTS

PAGE_SIZE = 50


@login_required
def worklist(request: HttpRequest, kind: str) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    found = WORKLISTS.get(kind)
    if found is None:
        raise Http404
    require(found.applies_to(user))
    day = today()
    page = Paginator(found.queryset(user, day), PAGE_SIZE).get_page(request.GET.get("page"))
    items: list[WorkItem] = [found.item(row, day) for row in page]
    group = WorkItemGroup(f"reporting.{kind}", str(found.heading), page.paginator.count, items)
    audit_work_items_shown(actor=user, groups=[group], where=str(found.heading))
    context = {"group": group, "page": page, "kind": kind}
    return render(request, "reporting/worklist.html", context)
