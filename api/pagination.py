from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    """Pages of 25 (?page=n); ?page_size= up to 100."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        properties = described["properties"]
        properties["count"]["description"] = "Number of items on all pages."
        properties["next"]["description"] = "URL of the next page, or null."
        properties["previous"]["description"] = "URL of the previous page, or null."
        properties["results"]["description"] = "The items on this page."
        return described
