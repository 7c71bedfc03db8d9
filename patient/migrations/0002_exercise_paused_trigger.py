"""User.exercise_paused, kept by the database: with every write to a patient's safety
checks (an answer given, a clinician's clearing, a check deleted), a trigger recomputes
from the checks themselves whether an emergency or urgent answer the clinician hasn't
cleared pauses the patient's exercise (safety.models.ScreeningQuerySet.locking, the
same rule). Recomputed, not counted up and down, so it can't drift from the checks;
every patient's flag is set from their checks here once. The SQL is written out for
SQLite and PostgreSQL so that this migration never changes with the app's code."""

from django.db import migrations

PAUSED = (
    "EXISTS (SELECT 1 FROM safety_screening AS check_ WHERE check_.patient_id = accounts_user.id"
    " AND check_.tier IN ('emergency', 'urgent') AND check_.cleared_at IS NULL)"
)
SET_PAUSED = f"UPDATE accounts_user SET exercise_paused = {PAUSED}"
ROWS = {
    "insert": "NEW.patient_id",
    "update": "NEW.patient_id, OLD.patient_id",
    "delete": "OLD.patient_id",
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(SET_PAUSED)  # every patient's, from their checks as they are
    if vendor == "sqlite":
        for event, rows in ROWS.items():
            schema_editor.execute(
                f"CREATE TRIGGER pause_safety_screening_{event} AFTER {event.upper()} ON "
                f"safety_screening FOR EACH ROW BEGIN {SET_PAUSED} WHERE id IN ({rows}); END"
            )
    elif vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION pause_from_checks() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ BEGIN IF TG_OP <> 'DELETE' THEN {SET_PAUSED} WHERE id = NEW.patient_id; "
            f"END IF; IF TG_OP <> 'INSERT' THEN {SET_PAUSED} WHERE id = OLD.patient_id; "
            "END IF; RETURN NULL; END $$"
        )
        schema_editor.execute(
            "CREATE TRIGGER pause_safety_screening AFTER INSERT OR UPDATE OR DELETE ON "
            "safety_screening FOR EACH ROW EXECUTE FUNCTION pause_from_checks()"
        )
    else:
        raise NotImplementedError(f"No exercise pause trigger for {vendor}.")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for event in ROWS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS pause_safety_screening_{event}")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS pause_safety_screening ON safety_screening")
        schema_editor.execute("DROP FUNCTION IF EXISTS pause_from_checks()")


class Migration(migrations.Migration):
    dependencies = [
        ("patient", "0001_record_stamp_triggers"),
        ("accounts", "0008_user_exercise_paused"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
