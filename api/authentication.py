"""`Authorization: Bearer <token>` with a personal API token (api.models.ApiToken)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .services.tokens import token_authenticate


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() != self.keyword.lower():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the header as 'Authorization: Bearer <token>'."))
        try:
            key = header[1].decode()
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from exc
        token = token_authenticate(key)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid or has been revoked."))
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) to a call without credentials.
        return f'{self.keyword} realm="api"'
