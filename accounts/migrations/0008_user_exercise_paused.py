from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_record_stamp"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="exercise_paused",
            field=models.BooleanField(default=False, editable=False),
        ),
    ]
