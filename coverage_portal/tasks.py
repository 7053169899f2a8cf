"""Celery tasks of the portal itself (not of one app)."""

from celery import shared_task


@shared_task(acks_late=True, ignore_result=False)
def clear_expired_sessions() -> int:
    """Periodic (celery beat, see coverage_portal.apps): delete expired sessions. Returns how many."""
    from .session_store import sessions_clear

    return sessions_clear()
