# Deliveries now follow Standard Webhooks. Every webhook stored before was given a secret of the old
# form (whsec_ and secrets.token_urlsafe(32)), which the specification's libraries cannot decode
# reliably; those rows keep their secret, marked as old, and are signed with its characters as the
# key (what their integrators hold). Rows added later get a secret in the standard form.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_idempotency_location"),
    ]

    operations = [
        # Adding with True marks every existing row; the default then becomes False for new rows.
        migrations.AddField(
            model_name="webhook",
            name="legacy_secret",
            field=models.BooleanField(default=True, verbose_name="secret in the old form"),
        ),
        migrations.AlterField(
            model_name="webhook",
            name="legacy_secret",
            field=models.BooleanField(default=False, verbose_name="secret in the old form"),
        ),
    ]
