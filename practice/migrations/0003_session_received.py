from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0002_times_from_the_phone"),
    ]

    operations = [
        migrations.AddField(
            model_name="exercisesession",
            name="received",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
    ]
