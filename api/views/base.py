"""What every API view shares: token or session authentication, per-token throttling, the JSON
error shape, and the employer taken from the URL (404 when the caller may not act for it)."""

from django.http import Http404
from django.urls import reverse
from rest_framework import permissions
from rest_framework.authentication import SessionAuthentication

from accounts.permissions import employer_list_for

from ..authentication import BearerTokenAuthentication
from ..errors import exception_handler
from ..pagination import ApiPagination
from ..query import check_query_parameters
from ..schema import ApiAutoSchema
from ..throttling import TokenRateThrottle


class ApiMixin:
    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]
    throttle_classes = [TokenRateThrottle]
    schema = ApiAutoSchema()
    pagination_class = ApiPagination

    def get_exception_handler(self):
        return exception_handler

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # After authentication and throttling: a caller without a token learns nothing of the names.
        check_query_parameters(self, request)


class EmployerMixin(ApiMixin):
    """Views nested under /employers/{employer_id}/: the employer is checked on every call."""

    def get_employer(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular building the schema
            return None
        if not hasattr(self, "_employer"):
            # The permission rule's list for today (one query, shared within the request).
            wanted = str(self.kwargs["employer_id"])
            self._employer = next(
                (e for e in employer_list_for(self.request.user) if str(e.pk) == wanted), None
            )
            if self._employer is None:
                raise Http404
        return self._employer

    def location(self, url_name: str, pk: int) -> dict:
        """The Location header of a 201 (or the 202 of an import): where the new object is read."""
        path = reverse(f"api:{url_name}", kwargs={"employer_id": self.get_employer().pk, "pk": pk})
        return {"Location": self.request.build_absolute_uri(path)}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # After authentication: an employer the caller may not act for is simply not there.
        self.get_employer()
