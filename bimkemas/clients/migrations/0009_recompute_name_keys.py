"""The name normaliser learnt Moch./Much./Mohd. as Muhammad and stopped reading a mid-word
"nj" as an old spelling (Panjaitan, Tanjung): stored keys made before are recomputed."""

from django.db import migrations

BATCH = 2000


def recompute(apps, schema_editor):
    from bimkemas.clients.identity import name_key

    Client = apps.get_model("clients", "Client")
    changed = []
    for client in Client.objects.only("pk", "full_name", "name_key").iterator(chunk_size=BATCH):
        key = name_key(client.full_name)
        if key != client.name_key:
            client.name_key = key
            changed.append(client)
    Client.objects.bulk_update(changed, ["name_key"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("clients", "0008_client_home_location")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
