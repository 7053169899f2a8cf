"""Celery tasks of the accounts app. Tasks take ids and are idempotent."""

from celery import shared_task


@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=10)
def import_personnel(self, job_id: int) -> str:
    """Import a personnel CSV (accounts.services.personnel.import_job_run); a finished job is left alone."""
    from .services.personnel import import_job_run

    return import_job_run(job_id=job_id).status
