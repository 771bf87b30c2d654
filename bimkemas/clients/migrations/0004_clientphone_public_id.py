"""Phones are addressed by a UUID in URLs and the API, never by their sequential id."""

import uuid

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    ClientPhone = apps.get_model("clients", "ClientPhone")
    for phone in ClientPhone.objects.only("pk").iterator():
        ClientPhone.objects.filter(pk=phone.pk).update(public_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("clients", "0003_intake_idempotency_and_input_limits")]

    operations = [
        migrations.AddField(
            model_name="clientphone",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="clientphone",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
