"""Requests sent before 0003 have no copy of the worker: fill it from the personnel directory as it
is now, which is what their pages showed until today, so they look the same after the upgrade and
stop following the directory from here on.

The copy's shape is written out here, not imported from postings.worker: a migration must keep
doing what it did when it was written, whatever that module becomes.
"""

from django.db import migrations

FIELDS = (
    "personal_number",
    "family_name",
    "given_names",
    "family_name_at_birth",
    "birth_date",
    "sex",
    "birth_place",
    "nationality",
    "street",
    "postal_code",
    "town",
    "country",
    "temp_street",
    "temp_postal_code",
    "temp_town",
    "temp_country",
)
COUNTRIES = ("nationality", "country", "temp_country")
BATCH = 2000


def _copy(employee) -> dict:
    data = {}
    for name in FIELDS:
        value = getattr(employee, name)
        if name in COUNTRIES:
            value = value.code if value else ""
        elif name == "birth_date":
            value = value.isoformat() if value else ""
        data[name] = value or ""
    return data


def fill(apps, schema_editor):
    CoverageRequest = apps.get_model("postings", "CoverageRequest")
    sent = (
        CoverageRequest.objects.exclude(status="draft")
        .filter(worker_as_sent__isnull=True, employee__isnull=False)
        .select_related("employee")
        .only("pk", "worker_as_sent", "employee")
        .order_by("pk")
    )
    batch = []
    for request in sent.iterator(chunk_size=BATCH):
        request.worker_as_sent = _copy(request.employee)
        batch.append(request)
        if len(batch) == BATCH:
            CoverageRequest.objects.bulk_update(batch, ["worker_as_sent"])
            batch = []
    if batch:
        CoverageRequest.objects.bulk_update(batch, ["worker_as_sent"])


class Migration(migrations.Migration):
    dependencies = [
        ("postings", "0003_worker_as_sent"),
    ]

    operations = [
        # Going back drops the column (0003), so there is nothing to undo here.
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
