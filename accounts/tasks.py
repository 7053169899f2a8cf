"""Celery tasks of the accounts app. Tasks take ids and are idempotent."""

from celery import shared_task


@shared_task(bind=True, acks_late=True, max_retries=3, default_retry_delay=10)
def import_personnel(self, job_id: int) -> str:
    """Import a personnel CSV (accounts.services.personnel.import_job_run); a finished job is left alone."""
    from .services.personnel import import_job_run

    return import_job_run(job_id=job_id).status


@shared_task(acks_late=True, ignore_result=False)
def purge_account_records() -> dict:
    """Periodic (celery beat, see accounts.apps): import reports past their month and imports that
    never ran, unusable activation letters' PDFs, old sign-in records, registrations never activated
    (accounts.services.retention). Returns how many of each."""
    from .services import retention

    return {
        "import_jobs": retention.import_jobs_purge(),
        "activation_letters": retention.activation_letters_purge(),
        "login_records": retention.login_records_purge(),
        "registrations": retention.registrations_purge(),
    }
