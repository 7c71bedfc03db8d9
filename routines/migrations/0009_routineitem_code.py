import uuid

from django.db import migrations, models


def give_codes(apps, schema_editor):
    RoutineItem = apps.get_model("routines", "RoutineItem")
    items = list(RoutineItem.objects.only("pk"))
    for item in items:
        item.code = uuid.uuid4()
    RoutineItem.objects.bulk_update(items, ["code"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("routines", "0008_suggestion_superseded")]

    operations = [
        migrations.AddField(
            model_name="routineitem",
            name="code",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(give_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="routineitem",
            name="code",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
