from django.db import migrations, models
from django.db.models import F


def mark_existing_seen(apps, schema_editor):
    # Assignments made before this field existed are known to their officers already:
    # only new ones should appear as "newly assigned".
    Assignment = apps.get_model("clients", "Assignment")
    Assignment.objects.filter(seen_at__isnull=True).update(seen_at=F("started_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("clients", "0004_clientphone_public_id"),
    ]

    operations = [
        migrations.AddField(
            model_name="assignment",
            name="seen_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="seen by the officer"),
        ),
        migrations.RunPython(mark_existing_seen, migrations.RunPython.noop),
    ]
