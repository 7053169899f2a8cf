from django import forms
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

# Django's own field checks ?page= and ?page_size=, with its translated messages.
_POSITIVE = forms.IntegerField(min_value=1)


def _check_positive(request, name):
    raw = request.query_params.get(name)
    if raw is None:
        return
    try:
        _POSITIVE.clean(raw)
    except forms.ValidationError as exc:
        raise serializers.ValidationError({name: exc.messages}) from exc


class ApiPagination(PageNumberPagination):
    """Pages of 25 (?page=n); ?page_size= up to 100 (a larger one gives pages of 100).

    DRF would answer a ?page_size=abc with the default size and a ?page=abc with 404 "Invalid
    page."; here both are a 400 naming the parameter, and a page past the end is a 404 naming it."""

    page_size_query_param = "page_size"
    max_page_size = 100
    page_query_description = "Page number, from 1, or 'last'."
    page_size_query_description = "Items per page, 1 to 100 (default 25; a larger number gives 100)."

    def paginate_queryset(self, queryset, request, view=None):
        _check_positive(request, self.page_size_query_param)
        if request.query_params.get(self.page_query_param) not in self.last_page_strings:
            _check_positive(request, self.page_query_param)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise NotFound({self.page_query_param: [exc.detail]}) from exc

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        properties = described["properties"]
        properties["count"]["description"] = "Number of items on all pages."
        properties["next"]["description"] = "URL of the next page, or null."
        properties["previous"]["description"] = "URL of the previous page, or null."
        properties["results"]["description"] = "The items on this page."
        return described
