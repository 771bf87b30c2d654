import uuid

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    TppMember = apps.get_model("tpp", "TppMember")
    for member in TppMember.objects.filter(public_id__isnull=True).only("pk"):
        member.public_id = uuid.uuid4()
        member.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [("tpp", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="tppmember",
            name="public_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tppmember",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
