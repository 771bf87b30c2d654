"""Audit knows no other app: the client link becomes a plain key, the object a content type."""

import django.db.models.deletion
from django.db import migrations, models


def copy_client_keys(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditEvent.objects.update(client_pk=models.F("client_id"))


def set_content_types(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for content_type in ContentType.objects.filter(app_label__in=["accounts", "clients"]):
        AuditEvent.objects.filter(object_type=content_type.model).update(
            content_type=content_type
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="client_pk",
            field=models.BigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="content_type",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.RunPython(copy_client_keys, migrations.RunPython.noop),
        migrations.RunPython(set_content_types, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="auditevent", name="audit_audit_client__95f865_idx"),
        migrations.RemoveField(model_name="auditevent", name="client"),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(
                choices=[
                    ("create", "Created"),
                    ("update", "Changed"),
                    ("delete", "Deleted"),
                    ("view", "Viewed"),
                    ("list", "Listed"),
                    ("download", "Downloaded"),
                    ("assign", "Assigned"),
                    ("status", "Status changed"),
                    ("grant", "Access granted"),
                ],
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["client_pk", "-occurred_at"], name="audit_event_client_idx"),
        ),
    ]
