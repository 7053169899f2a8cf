"""The consult page's search fields and sortable columns (NSSO 'Consult a request')."""

import copy

import django_filters
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from coverage_portal.dates import BrowserDateInput

from .models import CoverageRequest, RequestType, Territory
from .status import IN_PROGRESS, Decision
from .widgets import FastSelect, states

STATUS_CHOICES = [
    ("in_progress", _("In progress")),
    ("closed", _("Closed")),
    ("cancelled", _("Cancelled")),
    (Decision.APPROVED, _("Approved")),
    (Decision.REJECTED, _("Rejected")),
]

SORT_FIELDS = (
    ("transaction_number", "number"),
    ("type", "type"),
    ("personal_number", "personal_number"),
    ("worker_name_search", "worker"),
    ("state_of_work", "state"),
    ("status", "status"),
    ("admitted_start", "admitted"),
    ("requested_start", "requested"),
)
SORT_LABELS = {
    "number": _("Transaction number"),
    "type": _("Type"),
    "personal_number": _("Personal number"),
    "worker": _("Worker"),
    "state": _("State of work"),
    "status": _("Status"),
    "admitted": _("Admitted period"),
    "requested": _("Requested period"),
}

_date = BrowserDateInput()


class CopiedShallow:
    """A filter that the filterset copies shallowly instead of deeply.

    django-filter deep-copies every declared filter for each filterset it makes, choices, labels and
    all: making the consult page's filterset took 290 µs with the copying, 75 µs without (timeit).
    A filterset only sets its own `model` and `parent` on its copies, and nothing changes a filter's
    choices or extra arguments after it was declared, so they may be shared. A filter with a
    `method` gets a FilterMethod of its own, bound to the copy: the declared filter's one would look
    for the method on a filterset it never had.
    """

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.method = self.method
        return copied


class SharedFields(dict):
    """The search form's fields, given to each form as they are instead of deep-copied.

    A form deep-copies its fields so that one form may change its own (a queryset, choices, a
    widget's attributes) without touching the next one's. Nothing changes the search fields once
    the form class is built: they are validated and, once per language and search, rendered
    (templatetags/consult_search.py). Their copying cost 0.3 ms of the
    1.4 ms the search took per page (timeit).
    """

    def __deepcopy__(self, memo):
        return dict(self)


class CharFilter(CopiedShallow, django_filters.CharFilter):
    pass


class ChoiceFilter(CopiedShallow, django_filters.ChoiceFilter):
    pass


class DateFilter(CopiedShallow, django_filters.DateFilter):
    """Year-month-day only: the consult page's date inputs send it, and the API (which shares this
    filterset) speaks ISO. The languages' own formats read 1-6-2025 day first, which an API client
    may have meant month first: refused, not guessed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(*args, **kwargs)


class OrderingFilter(CopiedShallow, django_filters.OrderingFilter):
    pass


class RequestFilter(django_filters.FilterSet):
    number = CharFilter(field_name="transaction_number", lookup_expr="icontains", label=_("Dossier number"))
    type = ChoiceFilter(choices=RequestType.choices, label=_("Type of request"), empty_label=_("All"))
    personal_number = CharFilter(method="filter_personal_number", label=_("Personal number"))
    worker = CharFilter(method="filter_worker", label=_("Worker's name"))
    state_of_work = ChoiceFilter(
        choices=states, label=_("State of work"), empty_label=_("All"), widget=FastSelect
    )
    territory = ChoiceFilter(
        choices=Territory.choices, label=_("Territory of occupation"), empty_label=_("All")
    )
    requested_start_from = DateFilter(
        field_name="requested_start", lookup_expr="gte", label=_("Requested start, from"), widget=_date
    )
    requested_start_to = DateFilter(
        field_name="requested_start", lookup_expr="lte", label=_("Requested start, until"), widget=_date
    )
    requested_end_from = DateFilter(
        field_name="requested_end", lookup_expr="gte", label=_("Requested end, from"), widget=_date
    )
    requested_end_to = DateFilter(
        field_name="requested_end", lookup_expr="lte", label=_("Requested end, until"), widget=_date
    )
    admitted_start_from = DateFilter(
        field_name="admitted_start", lookup_expr="gte", label=_("Admitted start, from"), widget=_date
    )
    admitted_start_to = DateFilter(
        field_name="admitted_start", lookup_expr="lte", label=_("Admitted start, until"), widget=_date
    )
    admitted_end_from = DateFilter(
        field_name="admitted_end", lookup_expr="gte", label=_("Admitted end, from"), widget=_date
    )
    admitted_end_to = DateFilter(
        field_name="admitted_end", lookup_expr="lte", label=_("Admitted end, until"), widget=_date
    )
    status = ChoiceFilter(
        choices=STATUS_CHOICES, method="filter_status", label=_("Status"), empty_label=_("All")
    )
    sort = OrderingFilter(fields=SORT_FIELDS, field_labels=SORT_LABELS, label=_("Sort by"))

    class Meta:
        model = CoverageRequest
        fields: list[str] = []

    # The form class, built once per language. django-filter builds it again for every filterset
    # (fourteen fields, one listing 250 states), about a tenth of the consult page's CPU. Nothing in
    # it depends on the person or the request; the sort choices' labels depend on the language.
    _form_classes: dict[str, type] = {}

    def get_form_class(self):
        language = get_language() or ""
        form_class = self._form_classes.get(language)
        if form_class is None:
            form_class = super().get_form_class()
            form_class.base_fields = SharedFields(form_class.base_fields)
            self._form_classes[language] = form_class
        return form_class

    def filter_personal_number(self, queryset, name, value):
        compact = value.replace(" ", "").replace(".", "").replace("-", "")
        return queryset.filter(personal_number=compact)

    def filter_worker(self, queryset, name, value):
        return queryset.filter(worker_name_search__contains=value.strip().lower())

    def filter_status(self, queryset, name, value):
        return queryset.filter(status_filter_q(value))

    @property
    def qs(self):
        # Newest first unless the person sorted a column; a stable tie-break keeps pages steady.
        queryset = super().qs
        if not (self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("sort")):
            queryset = queryset.order_by("-submitted_at", "-pk")
        else:
            queryset = queryset.order_by(*queryset.query.order_by, "-pk")
        return queryset

    def has_criteria(self) -> bool:
        return any(value for key, value in (self.data or {}).items() if key not in ("page", "sort"))


def status_filter_q(value: str) -> Q:
    """What a public status (or decision) in the filter means in internal statuses."""
    if value == "in_progress":
        return Q(status__in=IN_PROGRESS)
    if value in (Decision.APPROVED, Decision.REJECTED):
        return Q(decision=value)
    return Q(status=value)
