"""Consult (list with filters, sorting, pages), detail, cancel."""

import math
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.acting import client_name
from coverage_portal.personal_search import CONSULT
from coverage_portal.state_names import state_in_sentence

from ..consult_rows import COLUMNS, consult_rows, consult_rows_html
from ..filters import SORT_LABELS, RequestFilter
from ..forms.cancel import CancelForm
from ..history import history_rows
from ..selectors import certificate_of, request_get, worker_requests
from ..services.drafts import can_extend
from ..services.lifecycle import can_cancel, request_cancel
from ..timeline import timeline_svg
from ..wizards.conditions import art16_requested
from ..wizards.summary import request_summary
from .common import employer_view
from .drafts import reuse_modes

PAGE_SIZE = 10
# Beyond this many matching requests the page says "more than ..." instead of counting them all.
COUNT_LIMIT = 1000


@dataclass
class ConsultPage:
    object_list: list
    number: int
    total: int
    exact: bool
    has_next: bool

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / PAGE_SIZE))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def consult_page(queryset, number) -> ConsultPage:
    """One page of the consult list without counting every matching row on every view.

    The page is read with one row more than it shows (is there a next page?). The total is known
    without a COUNT when this is the last page; otherwise it is counted up to COUNT_LIMIT + 1 rows
    only (a bounded COUNT over the employer's index). A page number past the end shows the last page.
    """
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    offset = (number - 1) * PAGE_SIZE
    rows = list(queryset[offset : offset + PAGE_SIZE + 1])
    if not rows and number > 1:
        last = max(1, math.ceil(queryset.count() / PAGE_SIZE))
        return consult_page(queryset, last) if last < number else ConsultPage([], number, 0, True, False)
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    if not has_next:
        return ConsultPage(rows, number, offset + len(rows), True, False)
    counted = queryset.order_by()[: COUNT_LIMIT + 1].count()  # no ORDER BY: counting needs no sort
    exact = counted <= COUNT_LIMIT
    return ConsultPage(rows, number, counted if exact else COUNT_LIMIT, exact, True)


@employer_view
@require_http_methods(["GET", "POST"])
def request_list(request, employer):
    from ..selectors import requests_for

    if request.method == "POST":  # the search form: criteria into the address, a name or number not
        return CONSULT.posted(request)
    filterset = RequestFilter(
        CONSULT.criteria(request), queryset=requests_for(request.user, employer), request=request
    )
    page = consult_page(filterset.qs.only(*COLUMNS), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    current_sort = request.GET.get("sort", "")
    columns = [
        {
            "key": key,
            "label": label,
            "sort": f"-{key}" if current_sort == key else key,
            "direction": "ascending"
            if current_sort == key
            else "descending"
            if current_sort == f"-{key}"
            else "none",
        }
        for key, label in SORT_LABELS.items()
    ]
    return render(
        request,
        "postings/list.html",
        {
            "filter": filterset,
            "form": filterset.form,
            "page": page,
            "rows_html": consult_rows_html(consult_rows(page.object_list)),
            "columns": columns,
            "query_string": query.urlencode(),
            "sort_query_string": sort_query.urlencode(),
        },
    )


def exception_answer(events) -> dict | None:
    """The other state's latest answer to the Art. 16 exception request, from the history already
    read (casework.services.exception_agreements writes it there): no query of its own."""
    answers = [e.data for e in events if e.kind == "exception_answer"]
    if not answers:
        return None
    answer = answers[-1]
    return {**answer, "state_name": state_in_sentence(answer.get("state", ""), "with")}


@employer_view
def request_detail(request, employer, pk):
    obj = request_get(request.user, employer, pk)
    events = list(obj.events.all())
    history = history_rows(events)
    siblings = list(worker_requests(obj))
    return render(
        request,
        "postings/detail.html",
        {
            "request_obj": obj,
            "summary": request_summary(obj, client_name=client_name(request)),
            "places": list(obj.places.all()),
            "history": history,
            "certificate": certificate_of(obj),
            "timeline": timeline_svg(siblings, highlight=obj),
            "can_cancel": can_cancel(obj),
            "can_extend": can_extend(obj),
            "art16_requested": art16_requested(obj.answers or {}),
            "exception_answer": exception_answer(events),
            "reuse_modes": reuse_modes(obj),
        },
    )


@employer_view
@require_http_methods(["GET", "POST"])
def request_cancel_view(request, employer, pk):
    obj = request_get(request.user, employer, pk)
    if not can_cancel(obj):
        messages.error(request, _("This request can no longer be cancelled."))
        return redirect("postings:detail", pk=obj.pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_cancel(actor=request.user, request=obj, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            form.add_error("reason", exc.message_dict.get("reason", exc.messages))
        else:
            messages.success(
                request, _("Request %(number)s is cancelled.") % {"number": obj.transaction_number}
            )
            return redirect("postings:detail", pk=obj.pk)
    return render(
        request,
        "postings/cancel.html",
        {"request_obj": obj, "summary": request_summary(obj, client_name=client_name(request)), "form": form},
    )
