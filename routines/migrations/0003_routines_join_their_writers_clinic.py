"""Each routine joins its writer's clinic (accounts 0005 put everyone in one)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def into_writers_clinic(apps, schema_editor):
    Routine = apps.get_model("routines", "Routine")
    User = apps.get_model("accounts", "User")
    clinic = User._default_manager.filter(pk=OuterRef("owner_id")).values("clinic_id")[:1]
    Routine._default_manager.filter(clinic__isnull=True).update(clinic=Subquery(clinic))


class Migration(migrations.Migration):
    dependencies = [
        ("routines", "0002_routine_clinic"),
        ("accounts", "0005_existing_people_join_a_clinic"),
    ]

    operations = [migrations.RunPython(into_writers_clinic, migrations.RunPython.noop)]
