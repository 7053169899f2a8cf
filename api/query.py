"""Query parameters of the list endpoints: a name the endpoint does not know is an error.

DRF and django-filter ignore query parameters they do not know, so `?stauts=closed` or
`?ordering=-requested_start` (the sort parameter is `sort`) would answer 200 with the unfiltered,
unsorted list, which a payroll system then takes for the answer to its question. Each unknown
name is reported as an error on that name. Known are the filterset's, the paginator's, DRF's
`format`, and those a view reads itself (its `query_parameters`).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.mixins import ListModelMixin
from rest_framework.settings import api_settings

UNKNOWN = _("Unknown query parameter; check the spelling.")


def known_query_parameters(view) -> set[str]:
    known = {api_settings.URL_FORMAT_OVERRIDE, *getattr(view, "query_parameters", ())}
    paginator = view.paginator
    if paginator is not None:
        known |= {paginator.page_query_param, paginator.page_size_query_param}
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None and view.filter_backends:
        known |= set(filterset_class.base_filters)
    return known


def check_query_parameters(view, request):
    """Refuse (400) the names a list endpoint does not know; other endpoints take none."""
    if request.method not in ("GET", "HEAD") or not isinstance(view, ListModelMixin):
        return
    known = known_query_parameters(view)
    unknown = [name for name in request.query_params if name not in known]
    if unknown:
        raise serializers.ValidationError({name: [UNKNOWN] for name in unknown})
