"""Rate limits: per API token (a person's session counts as one more bucket), and per address for
the public determinations endpoint."""

import logging

from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from .models import ApiToken

logger = logging.getLogger(__name__)


class FailOpen:
    def allow_request(self, request, view):
        # The counters live in the cache (Redis). When Redis is down the request is let through
        # rather than answered with a 500: sending must keep working (the request is committed to
        # PostgreSQL and the sweep queues its validation once the broker is back).
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError):
            logger.warning("cache unavailable: API rate limit not applied to this call")
            return True


class TokenRateThrottle(FailOpen, SimpleRateThrottle):
    """Keyed on the token's id, so each integration has its own budget; rate from the "user" scope
    of REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]."""

    scope = "user"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"anon-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AddressRateThrottle(FailOpen, AnonRateThrottle):
    """The public endpoint (no login) counted per client address, with the "determinations" rate.
    Each call may carry a whole list of situations for the engine; without a limit anyone could keep
    both cores busy. The address is the one REST_FRAMEWORK["NUM_PROXIES"] trusts (settings).

    The rate is set in production only: tools that check the engine through this endpoint
    (contracts/determination.md promises 200 or 400, nothing else) run it on a development or test
    set-up, where a budget per address would turn their hundredth case into a 429."""

    scope = "determinations"
