"""Django's database sessions, read with one plain query.

Every page reads the session first. The ORM took about 0.46 ms of CPU to build, compile and run
that one-row lookup, the written-out query 0.09 ms (benchmarks/load.py, profiled). Everything else
(writing, expiry, cycling the key on login, clearsessions) is Django's own.
"""

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        if not self.session_key:
            return None
        connection = connections[router.db_for_read(model)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT session_data FROM {model._meta.db_table} "  # noqa: S608 - the model's own table
                "WHERE session_key = %s AND expire_date > %s",
                [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])


def sessions_clear() -> int:
    """Delete the sessions past their expiry date (Django's clearsessions, through the configured
    engine); returns how many.

    A session holds more than a login: the wizards' unsent answers (a worker's personal number,
    address, date of birth) and the consult and personnel searches by name or personal number
    (coverage_portal.personal_search). Django stops reading an expired session but never deletes its
    row; run daily (celery beat, see coverage_portal.apps), nothing personal outlives its session
    (SESSION_COOKIE_AGE, eight hours) by more than a day."""
    from importlib import import_module

    from django.conf import settings

    engine = import_module(settings.SESSION_ENGINE)
    model = engine.SessionStore.get_model_class()
    expired = model.objects.filter(expire_date__lt=timezone.now()).count()
    engine.SessionStore.clear_expired()
    return expired
