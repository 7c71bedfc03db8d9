"""The record stamp's triggers (accounts/stamps.py): the database itself gives a patient
a new record stamp in the same statement as any write to what their own pages show, so
no write path (a view, the admin, update(), bulk_create(), the shell) can forget it, and
no write sends one more statement for it.

- A row of the patient's record (a session, a morning check, a safety check, an activity
  score, reminder settings, a plan): inserted or updated; a plan also deleted, or moved
  to another patient (both patients).
- A plan's item or read: inserted, updated or deleted (the plan's patient, or both
  plans' when an item moves; none for a template).
- A step log: updated (a correction; a step logged in a session in progress is an
  insert, and history shows that session's row live).
- The catalogue (an exercise, a read, a read's translation): inserted, updated or
  deleted: every patient. On PostgreSQL once per statement, however many rows it
  changes (publishing fifty exercises at once is one UPDATE of the patients, not
  fifty); on SQLite, which has only row triggers, once per row, or for a clinic's own
  exercise its clinic's patients (and the clinic it moved from).

Sessions, checks and scores are deleted only with their patient (erasure), whose pages
nobody asks for again: no trigger. The SQL is written out here, for SQLite and
PostgreSQL, so that this migration never changes with the app's code.

On SQLite, a later migration that rebuilds a table these triggers name (accounts_user,
routines_routine, practice_exercisesession: Django rebuilds a table for most changes of
a column there) fails with "error in trigger stamp_...: no such table", and a rebuilt
table loses its own triggers. Such a migration runs this module's drop() first and its
create() after (migrations.RunPython, the module imported with importlib), and the same
for 0002; tests/patient/test_stamp_triggers.py fails while a trigger is missing."""

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
CATALOGUE_TABLES = ("exercises_exercise", "learn_read", "learn_readtranslation")

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
            plans = {"INSERT": "NEW.routine_id", "DELETE": "OLD.routine_id"}.get(
                event, "NEW.routine_id, OLD.routine_id"
            )
            plan = f"SELECT patient_id FROM routines_routine WHERE id IN ({plans})"
            yield f"stamp_{table}_{event.lower()}", table, event, f"{set_new} WHERE id IN ({plan})"
    session = "SELECT patient_id FROM practice_exercisesession WHERE id = NEW.session_id"
    yield (
        "stamp_practice_steplog_update",
        "practice_steplog",
        "UPDATE",
        (f"{set_new} WHERE id IN ({session})"),
    )
    for table in CATALOGUE_TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            where = "role = 'patient'"
            if table == "exercises_exercise":  # a clinic's own: its patients (both clinics')
                rows = {"INSERT": ("NEW",), "DELETE": ("OLD",)}.get(event, ("NEW", "OLD"))
                shared = " OR ".join(f"{row}.clinic_id IS NULL" for row in rows)
                clinics = ", ".join(f"{row}.clinic_id" for row in rows)
                where += f" AND ({shared} OR clinic_id IN ({clinics}))"
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
    # A plan's item or read: the plan's patient (a template has none); both plans' when
    # an item moves.
    "stamp_plan_row": f"""
        IF TG_OP <> 'DELETE' THEN
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
            WHERE id = (SELECT patient_id FROM routines_routine WHERE id = NEW.routine_id);
        END IF;
        IF TG_OP = 'DELETE' THEN
            UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
            WHERE id = (SELECT patient_id FROM routines_routine WHERE id = OLD.routine_id);
        ELSIF TG_OP = 'UPDATE' THEN
            IF OLD.routine_id IS DISTINCT FROM NEW.routine_id THEN
                UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
                WHERE id = (SELECT patient_id FROM routines_routine WHERE id = OLD.routine_id);
            END IF;
        END IF;""",
    "stamp_step_log": f"""
        UPDATE accounts_user SET record_stamp = {POSTGRES_NEW}
        WHERE id = (SELECT patient_id FROM practice_exercisesession WHERE id = NEW.session_id);""",
    # The catalogue, once per statement: every patient.
    "stamp_every_patient": f"""
        UPDATE accounts_user SET record_stamp = {POSTGRES_NEW} WHERE role = 'patient';""",
}


def _postgres_triggers():
    """(table, events, function, for each ...)"""
    for table, events in PATIENT_TABLES.items():
        yield table, events, "stamp_patient_row", "ROW"
    for table in PLAN_TABLES:
        yield table, ("INSERT", "UPDATE", "DELETE"), "stamp_plan_row", "ROW"
    yield "practice_steplog", ("UPDATE",), "stamp_step_log", "ROW"
    for table in CATALOGUE_TABLES:
        yield table, ("INSERT", "UPDATE", "DELETE"), "stamp_every_patient", "STATEMENT"


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
        for table, events, function, each in _postgres_triggers():
            schema_editor.execute(
                f"CREATE TRIGGER stamp_{table} AFTER {' OR '.join(events)} ON {table} "
                f"FOR EACH {each} EXECUTE FUNCTION {function}()"
            )
    else:
        raise NotImplementedError(f"No record stamp triggers for {vendor}.")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, *_rest in _sqlite_triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        for table, *_rest in _postgres_triggers():
            schema_editor.execute(f"DROP TRIGGER IF EXISTS stamp_{table} ON {table}")
        for function in POSTGRES_FUNCTIONS:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")


class Migration(migrations.Migration):
    dependencies = [
        # After every column the people's table gets in this release: on SQLite a later
        # rebuild of a table these triggers name fails (see below).
        ("accounts", "0008_user_exercise_paused"),
        ("practice", "0003_session_received"),
        ("safety", "0003_push_notices"),
        ("progression", "0002_caseload_entry"),
        ("reminders", "0002_push_channels"),
        ("routines", "0004_clinic_required"),
        ("exercises", "0003_clinic_own_exercises"),
        ("learn", "0002_reads"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
