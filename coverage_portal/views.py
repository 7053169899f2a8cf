"""Pages that belong to no single app: the home page and the health check."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.acting import get_acting_employer
from accounts.permissions import employers_for, is_caseworker, representative_firms_for
from accounts.selectors import awaiting_activation, mandates_until


def home(request):
    """Shows each role what it can do next."""
    user = request.user
    context = {"role": "anonymous"}
    if user.is_authenticated:
        if is_caseworker(user):
            context["role"] = "caseworker"
        elif representative_firms_for(user).exists():
            context["role"] = "representative"
            context["firms"] = representative_firms_for(user)
            clients = list(employers_for(user).order_by("name"))
            until = mandates_until(user, clients)
            context["mandating_employers"] = clients
            context["clients"] = [{"employer": e, "until": until.get(e.pk)} for e in clients]
        else:
            context["role"] = "employer"
        context["employer"] = get_acting_employer(request)
        if context["employer"] is None:
            context["awaiting_activation"] = awaiting_activation(user)
    return render(request, "home.html", context)


def _database_ok() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True, connection.vendor
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return False, type(exc).__name__


def _broker_ok() -> tuple[bool, str]:
    from coverage_portal.celery import app

    if app.conf.broker_url.startswith("memory://"):
        return True, "in-process"
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            transport = conn.transport_cls
        return True, str(transport)
    except Exception as exc:  # noqa: BLE001
        return False, type(exc).__name__


@never_cache
@require_GET
def healthz(request):
    """Database and broker reachability, for load balancers and monitors: 200 or 503."""
    db_ok, db_detail = _database_ok()
    broker_ok, broker_detail = _broker_ok()
    healthy = db_ok and broker_ok
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": {"ok": db_ok, "detail": db_detail},
        "broker": {"ok": broker_ok, "detail": broker_detail},
    }
    return JsonResponse(body, status=200 if healthy else 503)
