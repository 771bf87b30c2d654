"""The standard litmas outline, version 1 (DOMAIN.md §5)."""

from django.db import migrations

from bimkemas.litmas.standard_outline import SECTIONS


def add_outline(apps, schema_editor):
    outline = apps.get_model("litmas", "LitmasOutline")
    outline.objects.get_or_create(
        name="Standar", version=1, defaults={"types": [], "sections": SECTIONS}
    )


def remove_outline(apps, schema_editor):
    apps.get_model("litmas", "LitmasOutline").objects.filter(name="Standar", version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("litmas", "0001_initial")]

    operations = [migrations.RunPython(add_outline, remove_outline)]
