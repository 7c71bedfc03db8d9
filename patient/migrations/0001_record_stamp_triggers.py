"""The record stamp's triggers (accounts/stamps.py): the database itself gives a patient
a new record stamp in the same statement as any write to what their own pages show, so
no write path (a view, the admin, update(), bulk_create(), the shell) can forget it, and
no write sends one more statement for it.

- A row of the patient's record (a session, a morning check, a safety check, an activity
  score, reminder settings, a plan): inserted or updated; a plan also deleted, or moved
  to another patient (both patients).
- A plan's item or read: inserted, updated or deleted (the plan's patient; none for a
  template).
- A step log: updated (a correction; a step logged in a session in progress is an
  insert, and history shows that session's row live).
- The catalogue (an exercise, a read): inserted, updated or deleted: every patient, or
  for a clinic's own exercise its clinic's patients.

Sessions, checks and scores are deleted only with their patient (erasure), whose pages
nobody asks for again: no trigger. The SQL is written out here, for SQLite and
PostgreSQL, so that this migration never changes with the app's code."""

from django.db import migrations

# table: (events that stamp its own patient_id)
PATIENT_TABLES = {
    "practice_exercisesession": ("INSERT", "UPDATE"),
    "practice_morningcheck": ("INSERT", "UPDATE"),
    "safety_screening": ("INSERT", "UPDATE"),
    "progression_psfsscore": ("INSERT", "UPDATE"),
    "reminders_remindersettings": ("INSERT", "UPDATE"),
    "routines_routine": ("INSERT", "UPDATE", "DELETE"),
}
PLAN_TABLES = ("routines_routineitem", "learn_routineread")  # the plan's patient

SQLITE_NEW = "lower(hex(randomblob(16)))"  # a UUIDField is 32 hex digits on SQLite
POSTGRES_NEW = "gen_random_uuid()"


def _sqlite_triggers():
    set_new = f"UPDATE accounts_user SET record_stamp = {SQLITE_NEW}"
    for table, events in PATIENT_TABLES.items():
        for event in events:
            row = {"INSERT": "NEW.patient_id", "DELETE": "OLD.patient_id"}.get(
                event, "NEW.patient_id, OLD.patient_id"
            )
            yield f"stamp_{table}_{event.lower()}", table, event, f"{set_new} WHERE id IN ({row})"
    for table in PLAN_TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            row = "OLD" if event == "DELETE" else "NEW"
            plan = f"SELECT patient_id FROM routines_routine WHERE id = {row}.routine_id"
            yield f"stamp_{table}_{event.lower()}", table, event, f"{set_new} WHERE id IN ({plan})"
    session = "SELECT patient_id FROM practice_exercisesession WHERE id = NEW.session_id"
    yield (
        "stamp_practice_steplog_update",
        "practice_steplog",
        "UPDATE",
        (f"{set_new} WHERE id IN ({session})"),
    )
    for table, clinic in (("exercises_exercise", "clinic_id"), ("learn_read", None)):
        for event in ("INSERT", "UPDATE", "DELETE"):
            row = "OLD" if event == "DELETE" else "NEW"
            where = "role = 'patient'"
            if clinic:
                where += f" AND ({row}.{clinic} IS NULL OR clinic_id = {row}.{clinic})"
            yield f"stamp_{table}_{event.lower()}", table, event, f"{set_new} WHERE {where}"


POSTGRES_FUNCTIONS = {
    # A row with its own patient: the new row's, and the old row's when it differs.
    "stamp_patient_row": f"""
        IF TG_OP <> 'DELETE' THEN
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE id = NEW.patient_id;
        END IF;
        IF TG_OP = 'DELETE' THEN
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE id = OLD.patient_id;
        ELSIF TG_OP = 'UPDATE' THEN
            IF OLD.patient_id IS DISTINCT FROM NEW.patient_id THEN
                UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE id = OLD.patient_id;
            END IF;
        END IF;""",
    # A plan's item or read: the plan's patient (a template has none).
    "stamp_plan_row": f"""
        IF TG_OP = 'DELETE' THEN
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
            WHERE id = (SELECT patient_id FROM routines_routine WHERE id = OLD.routine_id);
        ELSE
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
            WHERE id = (SELECT patient_id FROM routines_routine WHERE id = NEW.routine_id);
        END IF;""",
    "stamp_step_log": f"""
        UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
        WHERE id = (SELECT patient_id FROM practice_exercisesession WHERE id = NEW.session_id);""",
    # An exercise: every patient, or its clinic's for a clinic's own exercise.
    "stamp_exercise": f"""
        IF TG_OP = 'DELETE' THEN
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE role = 'patient'
            AND (OLD.clinic_id IS NULL OR clinic_id = OLD.clinic_id);
        ELSE
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE role = 'patient'
            AND (NEW.clinic_id IS NULL OR clinic_id = NEW.clinic_id);
        END IF;""",
    "stamp_read": f"""
        UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE role = 'patient';""",
}


def _postgres_triggers():
    for table, events in PATIENT_TABLES.items():
        yield table, events, "stamp_patient_row"
    for table in PLAN_TABLES:
        yield table, ("INSERT", "UPDATE", "DELETE"), "stamp_plan_row"
    yield "practice_steplog", ("UPDATE",), "stamp_step_log"
    yield "exercises_exercise", ("INSERT", "UPDATE", "DELETE"), "stamp_exercise"
    yield "learn_read", ("INSERT", "UPDATE", "DELETE"), "stamp_read"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, table, event, statement in _sqlite_triggers():
            schema_editor.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                f"BEGIN {statement}; END"
            )
    elif vendor == "postgresql":
        for function, body in POSTGRES_FUNCTIONS.items():
            schema_editor.execute(
                f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$"
            )
        for table, events, function in _postgres_triggers():
            schema_editor.execute(
                f"CREATE TRIGGER stamp_{table} AFTER {' OR '.join(events)} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
    else:
        raise NotImplementedError(f"No record stamp triggers for {vendor}.")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, *_rest in _sqlite_triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        for table, _events, _function in _postgres_triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS stamp_{table} ON {table}")
        for function in POSTGRES_FUNCTIONS:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_record_stamp"),
        ("practice", "0003_session_received"),
        ("safety", "0003_push_notices"),
        ("progression", "0002_caseload_entry"),
        ("reminders", "0002_push_channels"),
        ("routines", "0004_clinic_required"),
        ("exercises", "0003_clinic_own_exercises"),
        ("learn", "0002_reads"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
