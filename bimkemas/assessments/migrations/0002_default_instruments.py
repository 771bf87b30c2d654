"""The two example instruments (bimkemas/assessments/defaults.py), published as version 1 and
labelled "Contoh — periksa terhadap teks resmi" until an office checks them."""

from django.db import migrations
from django.utils import timezone


def load_defaults(apps, schema_editor):
    from bimkemas.assessments.defaults import DEFAULT_INSTRUMENTS
    from bimkemas.assessments.models import EXAMPLE_NOTE

    Instrument = apps.get_model("assessments", "Instrument")
    for row in DEFAULT_INSTRUMENTS:
        if Instrument.objects.filter(code=row["code"]).exists():
            continue
        Instrument.objects.create(
            **row,
            version=1,
            status="published",
            published_at=timezone.now(),
            note=EXAMPLE_NOTE,
        )


def remove_defaults(apps, schema_editor):
    from bimkemas.assessments.defaults import DEFAULT_INSTRUMENTS

    Instrument = apps.get_model("assessments", "Instrument")
    codes = [row["code"] for row in DEFAULT_INSTRUMENTS]
    Instrument.objects.filter(code__in=codes, assessments__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(load_defaults, remove_defaults)]
