"""The complaints list as a work queue: filters that open on open cases, saved views, the
officer's bulk assign, and the workload per handler.

Views are thin: reads through web.queries (built on the complaint selectors and the one
`search`), writes through the services (saved views in web.services, assigning through
complaints.services.bulk, which calls the one assign service per case).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from putright import dates
from putright.complaints.services.bulk import complaints_assign
from putright.errors import InvalidInput, NotPermitted
from putright.web import queries, services
from putright.web.deadlines import with_deadlines
from putright.web.queue_forms import BulkAssignForm, ComplaintFilterForm, SavedViewForm
from putright.web.views import forbidden

PAGE_SIZE = 25


def _filters(data: QueryDict) -> tuple[ComplaintFilterForm, dict]:
    form = ComplaintFilterForm(data or None)
    return form, form.filters() if form.is_valid() else _defaults()


def _defaults() -> dict:
    return {name: "" for name in ComplaintFilterForm.FILTERS} | {"status": "open"}


def canonical_query(filters: dict) -> str:
    """The query string for these filters: the chosen values only, in the form's order, so
    that a saved view and the list's own links say the same thing the same way."""
    names = ComplaintFilterForm.FILTERS
    return urlencode([(name, filters[name]) for name in names if filters[name]])


def _page_numbers(page) -> list:
    """Page numbers around the current page, with the first and last, and None for a gap."""
    last, current = page.paginator.num_pages, page.number
    wanted = {1, last, *range(max(1, current - 2), min(last, current + 2) + 1)}
    numbers, previous = [], 0
    for number in sorted(wanted):
        if number - previous > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


@login_required
def complaint_list(request):
    form, filters = _filters(request.GET)
    today = dates.today()
    queryset = queries.complaint_search(user=request.user, **filters, today=today)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = with_deadlines(page.object_list, today=today)
    query = canonical_query(filters)
    can_assign = request.user.can_change_cases and request.user.acts_on_any_case
    return render(
        request,
        "web/complaint_list.html",
        {
            "form": form,
            "page": page,
            "page_numbers": _page_numbers(page),
            "query": query,
            "today": today,
            "saved_views": queries.saved_views(user=request.user),
            "save_form": SavedViewForm(initial={"query": query}),
            "assign_form": BulkAssignForm() if can_assign else None,
        },
    )


def _back_to_list(query: str):
    # The query is rebuilt through the filter form, never echoed as posted.
    _, filters = _filters(QueryDict(query or ""))
    return redirect(reverse("web:complaints") + "?" + canonical_query(filters))


@login_required
@require_POST
def saved_view_save(request):
    form = SavedViewForm(request.POST)
    if form.is_valid():
        _, filters = _filters(QueryDict(form.cleaned_data["query"]))
        try:
            view = services.saved_view_save(
                user=request.user, name=form.cleaned_data["name"], query=canonical_query(filters)
            )
        except InvalidInput as error:
            for message in error.errors.values():
                messages.error(request, " ".join(message))
        else:
            messages.success(request, f"Saved the view \u201c{view.name}\u201d.")
            return redirect(reverse("web:complaints") + "?" + view.query)
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return _back_to_list(request.POST.get("query", ""))


@login_required
@require_POST
def saved_view_delete(request, pk):
    try:
        services.saved_view_delete(user=request.user, view_id=pk)
    except InvalidInput as error:
        messages.error(request, " ".join(next(iter(error.errors.values()))))
    else:
        messages.success(request, "Saved view deleted.")
    return redirect("web:complaints")


def _provision(refused) -> str:
    return f" (Complaint Handling Code, provision {refused.provision})" if refused.provision else ""


@login_required
@require_POST
def bulk_assign(request):
    user = request.user
    if not (user.can_change_cases and user.acts_on_any_case):
        return forbidden(request, "Only the complaints officer or a manager can assign complaints.")
    form = BulkAssignForm(request.POST)
    query = request.POST.get("query", "")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return _back_to_list(query)
    try:
        result = complaints_assign(
            user=user,
            references=form.cleaned_data["complaints"],
            handler=form.cleaned_data["handler"],
        )
    except NotPermitted as error:
        return forbidden(request, str(error))
    except InvalidInput as error:
        for message in error.errors.values():
            messages.error(request, " ".join(message))
        return _back_to_list(query)
    name = result.handler.get_full_name() or result.handler.username
    if result.assigned:
        messages.success(
            request,
            f"Assigned {len(result.assigned)} to {name}: {', '.join(result.assigned)}.",
        )
    if result.unchanged:
        messages.info(request, f"Already with {name}: {', '.join(result.unchanged)}.")
    for refused in result.refused:
        messages.error(
            request, f"{refused.reference} not assigned: {refused.reason}{_provision(refused)}"
        )
    return _back_to_list(query)


@login_required
def workload(request):
    today = dates.today()
    return render(
        request,
        "web/workload.html",
        {
            "rows": queries.handler_workload(today=today),
            "today": today,
            "week_end": queries.end_of_week(today),
        },
    )
