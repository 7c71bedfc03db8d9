"""Today's record is kept in the cache under the patient's record stamp (patient/today.py,
accounts/stamps.py). Each write that changes what Today shows must change the stamp, or
the page would show the old record: each case visits Today (so the record is kept),
writes the way the app does, and visits again. Without the database trigger that
changes the stamp with that write (patient/migrations/0001_record_stamp_triggers.py),
the second visit shows the old page and the case fails."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from clinic import episodes
from exercises.models import Exercise
from learn import plans as learn_plans
from learn import reads as learn_reads
from learn.models import Read, ReadTranslation
from practice import player
from practice.models import ExerciseSession
from progression import events, psfs
from routines.models import Routine, RoutineItem
from safety.models import Screening
from tests.factories import make_patient, make_plan, make_screening, make_session, speak

pytestmark = pytest.mark.django_db

PAUSED = "Exercise is paused"


@pytest.fixture
def plan(alice, bob):
    exercises = Exercise.objects.filter(slug__in=["glute-bridge", "clamshell"]).order_by("name")
    return make_plan(alice, bob, exercises, start_date=alice.local_date() - timedelta(days=3))


def today(client, patient) -> str:
    client.force_login(patient)
    response = client.get("/today/")
    assert response.status_code == 200
    return response.content.decode()


def post(client, path: str, data: dict | None = None) -> None:
    """As the page's form sends it, with the CSRF token."""
    data = {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    assert client.post(path, data).status_code == 302


def main(html: str) -> str:
    """The page's own part, without what changes with each response (the scripts'
    nonce, the forms' CSRF token)."""
    part = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'(nonce|name="csrfmiddlewaretoken" value)="[^"]*"', "", part)


def kept_visit(client, patient, paused: bool = False) -> str:
    """A second visit that finds the record kept: the session and the user (whether
    exercise is paused comes with it), and when it is, the answer that pauses it."""
    client.force_login(patient)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/today/")
    assert len(queries) == (3 if paused else 2), [q["sql"] for q in queries]
    return response.content.decode()


def test_a_second_visit_uses_the_kept_record(client, alice, plan):
    first = today(client, alice)
    assert main(kept_visit(client, alice)) == main(first)


def test_starting_a_session_is_seen(client, alice, plan):
    make_screening(alice)
    assert "Start today's routine" in today(client, alice)
    post(client, "/sessions/start/")
    html = today(client, alice)
    assert "Carry on where you left off" in html and "Start today's routine" not in html


def test_finishing_a_session_is_seen(client, alice, plan):
    make_screening(alice)
    session = ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date(), pain_before=3
    )
    assert "Carry on where you left off" in today(client, alice)
    # check_out writes with update(): post_save doesn't see it, the call after it does.
    assert events.check_out(session, pain=2, effort="right", note="", pain_worst=3)
    html = today(client, alice)
    assert "Done for today" in html
    assert "your pain was 3 before and 2 after" in html


def test_a_worse_morning_is_seen(client, alice, plan):
    make_session(alice, plan, days_ago=1, before=3, after=2)
    html = today(client, alice)
    assert "how did you settle?" in html and "worse this morning" not in html
    post(client, "/morning/", {"response": "worse", "pain": "8"})
    html = today(client, alice)
    assert "Your back is worse this morning" in html and "how did you settle?" not in html


def test_a_safety_check_is_seen(client, alice, plan):
    assert "Start with the safety check" in today(client, alice)
    events.safety_check(alice, [])
    assert "Start with the safety check" not in today(client, alice)


def test_activity_scores_are_seen(client, alice, plan):
    assert "How are everyday activities going?" in today(client, alice)
    psfs.record(alice, [{"activity": "Sitting through a film", "score": 5}])
    assert "How are everyday activities going?" not in today(client, alice)


def test_turning_sitting_breaks_on_is_seen(client, alice, plan):
    assert "Sitting for a while?" not in today(client, alice)
    post(client, "/account/reminders/", {"channel": "off", "time": "08:30", "sitting_breaks": "on"})
    assert "Sitting for a while?" in today(client, alice)


def test_a_new_plan_is_seen(client, alice, bob, plan, template):
    assert plan.title in today(client, alice)
    learn_plans.assign_with_reads(
        template, alice, owner=bob, start_date=alice.local_date(), schedule_days=127
    )
    html = today(client, alice)
    assert template.title in html and f">{plan.title}<" not in html


def test_a_read_attached_and_removed_is_seen(client, alice, bob, plan, reads):
    read = Read.objects.published().get(slug="sitting-breaks")
    assert read.title not in today(client, alice)
    assert learn_reads.attach(plan, read, bob, patient=alice)
    assert read.title in today(client, alice)
    assert learn_reads.detach(plan, read.slug, bob, patient=alice)
    assert read.title not in today(client, alice)


def test_a_read_translation_written_in_the_shell_is_seen(client, alice, bob, plan, reads):
    """Today's read titles in Spanish come from the read's translation, a table of its
    own: its writes change the stamp too, whichever way they are made."""
    read = Read.objects.published().get(slug="sitting-breaks")
    assert learn_reads.attach(plan, read, bob, patient=alice)
    speak(alice, "es")
    today(client, alice)
    ReadTranslation.objects.update_or_create(
        read=read, language="es", defaults={"title": "Un título nuevo", "summary": "Resumen"}
    )
    assert "Un título nuevo" in today(client, alice)
    ReadTranslation.objects.filter(read=read, language="es").update(title="Otro título")
    html = today(client, alice)
    assert "Otro título" in html and "Un título nuevo" not in html


def test_an_item_moved_to_another_plan_is_seen_by_both_patients(client, alice, bob, plan):
    """An item moved in the admin from one patient's plan to another's: both pages."""
    other = make_patient(name="Other patient")
    other_plan = make_plan(other, bob, Exercise.objects.filter(slug="deep-squat"))
    assert "Glute bridge" in today(client, alice) and "Glute bridge" not in today(client, other)
    RoutineItem.objects.filter(routine=plan, exercise__slug="glute-bridge").update(
        routine=other_plan
    )
    assert "Glute bridge" not in today(client, alice)
    assert "Glute bridge" in today(client, other)


def test_a_renamed_exercise_is_seen(client, alice, plan):
    assert "Glute bridge" in today(client, alice)
    exercise = Exercise.objects.get(slug="glute-bridge")
    exercise.name = "Bridge on the floor"
    exercise.save()
    html = today(client, alice)
    assert "Bridge on the floor" in html and "Glute bridge" not in html


def test_unpublishing_in_the_admin_is_seen(client, alice, root, plan):
    today(client, alice)
    post(client, "/account/reminders/", {"channel": "off", "time": "08:30", "sitting_breaks": "on"})
    linked = today(client, alice)
    moves = list(Exercise.objects.filter(slug__in=["hip-flexor-stretch", "deep-squat"]))
    assert moves and all(m.get_absolute_url() in linked for m in moves)
    client.force_login(root, second_step=True)
    client.get("/admin/exercises/exercise/")
    post(
        client,
        "/admin/exercises/exercise/",
        {"action": "unpublish", "_selected_action": [m.pk for m in moves]},
    )
    html = today(client, alice)
    assert "Sitting for a while?" in html
    assert not any(m.get_absolute_url() in html for m in moves)


def test_a_discharge_that_ends_the_plan_is_seen(client, alice, bob, plan):
    episode = alice.episodes.create(
        clinic=alice.clinic, referral_reason="Low back pain", started_on=plan.start_date
    )
    assert "Due today" in today(client, alice)
    episodes.discharge(
        episode,
        by=bob,
        outcome="improved",
        note="",
        on=alice.local_date() - timedelta(days=1),
        end_plan=True,
    )
    # The plan ended, so no plan is active: the page says so at once.
    assert "hasn't set a routine for you yet" in today(client, alice)


def test_the_pause_is_never_kept(client, alice, plan):
    """A red-flag answer pauses exercise on the next visit even when nothing else
    changed the stamp, and the clinician's clearing lifts it at once: the pause is read
    with the user on every request (the database keeps the flag), never kept."""
    make_screening(alice)
    assert PAUSED not in today(client, alice)
    stamp = User.objects.get(pk=alice.pk).record_stamp
    Screening.objects.bulk_create(
        [
            Screening(
                patient=alice,
                local_date=alice.local_date(),
                answers=[{"key": "x", "text": "A red flag", "tier": "emergency", "yes": True}],
                tier="emergency",
            )
        ]
    )
    # The insert's trigger changed the stamp; put the old one back, as if it hadn't:
    # only the live read of the pause can then see the red flag.
    User.objects.filter(pk=alice.pk).update(record_stamp=stamp)
    html = kept_visit(client, alice, paused=True)
    assert PAUSED in html and "Start today's routine" not in html
    Screening.objects.filter(patient=alice, tier="emergency").update(
        cleared_at=alice.date_joined, cleared_by=None
    )
    User.objects.filter(pk=alice.pk).update(record_stamp=stamp)
    html = kept_visit(client, alice)
    assert PAUSED not in html and "Start today's routine" in html


def test_the_record_is_kept_per_day(client, alice, plan):
    """Another day is another record, though nothing was written: the week, what is
    due and the morning check move with the date. Two zones 25 hours apart give two
    dates whatever the time; changing the zone with update() leaves the stamp."""
    User.objects.filter(pk=alice.pk).update(timezone="Pacific/Pago_Pago")  # UTC-11
    alice.refresh_from_db()
    make_session(alice, plan, days_ago=0, before=3, after=2)
    assert "Done for today" in today(client, alice)
    User.objects.filter(pk=alice.pk).update(timezone="Pacific/Kiritimati")  # UTC+14
    alice.refresh_from_db()
    assert "Done for today" not in today(client, alice)


def test_the_record_is_kept_per_language(client, alice, plan):
    assert "Due today" in today(client, alice)
    speak(alice, "es")
    html = today(client, alice)
    assert "Due today" not in html and 'lang="es"' in html


# History is kept the same way (patient/history.py). A session in progress is the one
# part that changes without a change of the stamp (a step is one insert), so its row is
# made again on every visit; everything else follows the stamp.


def history(client, patient) -> str:
    client.force_login(patient)
    response = client.get("/history/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def in_progress(alice, plan):
    """Today's session, checked in, as the player loads it."""
    make_screening(alice)
    session = ExerciseSession.objects.create(
        patient=alice, plan=plan, local_date=alice.local_date(), pain_before=3
    )
    return player.session_for(alice, session.code)


def test_steps_logged_in_a_session_in_progress_are_seen_in_history(client, alice, in_progress):
    assert "Not finished<" in history(client, alice)
    first = player.plan_steps(in_progress)[0]
    assert player.log_step(in_progress, first.key, "done")
    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/history/").content.decode()
    assert len(queries) == 3  # session, user, the logs of the session in progress
    assert "Not finished · 1 done" in html


def test_a_stopped_session_is_seen_in_history(client, alice, in_progress):
    assert "Stopped early" not in history(client, alice)
    player.stop(in_progress, "unwell")
    assert "Stopped early: felt unwell" in history(client, alice)


def test_a_finished_session_is_seen_in_history(client, alice, in_progress):
    assert "pain 3 → 2" not in history(client, alice)
    for step in player.plan_steps(in_progress):
        player.log_step(in_progress, step.key, "done")
    assert events.check_out(in_progress, pain=2, effort="right", note="", pain_worst=3)
    assert "2 done fully · pain 3 → 2" in history(client, alice)


def part(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def test_the_chart_and_the_weeks_follow_a_finished_session(client, alice, plan):
    """Drawn once per key of the kept history ({% cache %} in patient/history.html)."""
    make_session(alice, plan, days_ago=2, before=7, after=6)
    html = history(client, alice)
    chart, weeks = (
        part(html, '<figure class="chart"', "</figure>"),
        part(html, '<ol class="weeks"', "</ol>"),
    )
    assert "before and after the last session," in chart
    make_session(alice, plan, days_ago=1, before=9, after=1)
    html = history(client, alice)
    assert "before and after the last 2 sessions" in part(
        html, '<figure class="chart"', "</figure>"
    )
    assert part(html, '<ol class="weeks"', "</ol>") != weeks


def test_a_corrected_step_is_seen_in_history(client, alice, plan):
    """A correction of the steps alone is written with update(): corrections.apply
    changes the stamp itself."""
    session = make_session(alice, plan, days_ago=1, before=3, after=2)
    assert "2 done fully · pain 3 → 2" in history(client, alice)
    logs = list(session.logs.all())
    data = {"pain_before": 3, "pain_after": 2, "pain_worst": None}
    data |= {f"step_{log.pk}": log.status for log in logs}
    data[f"step_{logs[0].pk}"] = "skipped:pain"
    assert events.correct(alice, session, logs, data)
    html = history(client, alice)
    assert "1 done fully" in html and "pain 3 → 2" in html


def test_a_renamed_exercise_is_seen_in_the_player(client, alice, in_progress):
    """The player keeps the plan's items under the stamp (practice/player.py)."""
    client.force_login(alice)
    url = f"/sessions/{in_progress.code}/"
    first = player.plan_steps(in_progress)[0].item.exercise
    assert first.name in client.get(url).content.decode()
    first.name = "A renamed first exercise"
    first.save()
    assert "A renamed first exercise" in client.get(url).content.decode()


# The step screen keeps what is the same for every patient in Django's fragment cache
# (templates/patient/session.html): the exercise's picture and instructions per exercise,
# its last change and the language; the skip and stop choices per language, the step's
# own skip lines and the clinic's contact. Each must follow what it shows.


def step_page(client, patient, session) -> str:
    client.force_login(patient)
    response = client.get(f"/sessions/{session.code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_edited_exercise_is_seen_on_the_step_screen(client, alice, in_progress):
    exercise = player.plan_steps(in_progress)[0].item.exercise
    html = step_page(client, alice, in_progress)
    assert exercise.cue_list[0] in html and exercise.illustration_alt in html
    exercise.cues = "Breathe out as you lift.\nKeep your ribs down."
    exercise.easier_tip = "Lift halfway only."
    exercise.illustration_alt = "A person lying on their back, hips lifted halfway."
    exercise.save()  # as the admin saves it
    html = step_page(client, alice, in_progress)
    assert "<li>Breathe out as you lift.</li><li>Keep your ribs down.</li>" in html
    assert "Lift halfway only." in html and "hips lifted halfway" in html


def test_the_step_screen_follows_the_language(client, alice, in_progress):
    html = step_page(client, alice, in_progress)
    assert "How to do it" in html and "Skip it" in html and "Stop the session" in html
    speak(alice, "es")
    html = step_page(client, alice, in_progress)
    assert "Cómo se hace" in html and "Saltarlo" in html
    assert "How to do it" not in html and "Skip it" not in html


def test_a_new_clinic_phone_is_seen_on_the_step_screen(client, alice, in_progress):
    alice.clinic.phone = "01632 960001"
    alice.clinic.save()
    assert "01632 960001" in step_page(client, alice, in_progress)
    alice.clinic.phone = "01632 960002"
    alice.clinic.save()
    html = step_page(client, alice, in_progress)
    assert "01632 960002" in html and "01632 960001" not in html


def test_a_refused_skip_shows_its_error_though_the_choices_are_kept(client, alice, in_progress):
    """The kept choices are for a screen without a form's answers: a refused skip is
    drawn afresh, open, with the patient's own choice and the reason it was refused."""
    step_page(client, alice, in_progress)  # the choices are kept
    first = player.plan_steps(in_progress)[0]
    post_data = {
        "item": first.item.pk,
        "side": first.side,
        "set_number": first.set_number,
        "action": "skip",
        "scope": "exercise",
    }
    token = client.cookies["csrftoken"].value
    response = client.post(
        f"/sessions/{in_progress.code}/step/",
        {"csrfmiddlewaretoken": token, **post_data},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert '<details class="skip" open data-skip>' in html and "Choose why" in html
    assert not in_progress.logs.exists()
    # and the next plain visit shows the kept choices again, closed and without errors
    html = step_page(client, alice, in_progress)
    assert '<details class="skip" data-skip>' in html and "Choose why" not in html


def test_an_accepted_progression_is_seen(client, alice, bob, plan):
    """Accepting a suggestion changes the plan's item in place (progression/decisions.py)."""
    # Read on its own, as the decision reads it: the plan is looked up in the UPDATE.
    item = RoutineItem.objects.get(routine=plan, exercise__slug="glute-bridge")
    assert not RoutineItem.routine.is_cached(item)
    assert "hold each 3 seconds" in today(client, alice)
    item.hold_seconds = 5
    item.save(update_fields=["hold_seconds"])
    html = today(client, alice)
    assert "hold each 5 seconds" in html and "hold each 3 seconds" not in html


def test_a_write_outside_the_app_is_seen(client, alice, plan):
    """The shell's update() and bulk_create() send no signals, but the database's
    trigger changes the stamp all the same."""
    assert "Morning routine" in today(client, alice)
    Routine.objects.filter(pk=plan.pk).update(title="Renamed in the shell")
    assert "Renamed in the shell" in today(client, alice)


def test_the_rebuild_command_renews_every_stamp(client, alice, plan):
    """A restore or a load that bypassed the triggers leaves the stamps as they were;
    refresh_caseload renews them all (docs/deployment.md says when to run it)."""
    stamp = User.objects.get(pk=alice.pk).record_stamp
    assert "Morning routine" in today(client, alice)
    Routine.objects.filter(pk=plan.pk).update(title="Restored from a backup")
    User.objects.filter(pk=alice.pk).update(record_stamp=stamp)  # as the restore left it
    assert "Morning routine" in today(client, alice)  # kept: the stamp didn't change
    call_command("refresh_caseload", verbosity=0)
    assert "Restored from a backup" in today(client, alice)


def test_a_read_deleted_is_seen(client, alice, bob, plan, reads):
    read = Read.objects.published().get(slug="sitting-breaks")
    assert learn_reads.attach(plan, read, bob, patient=alice)
    assert read.title in today(client, alice)
    read.delete()  # in the admin: its links to plans go with it
    assert read.title not in today(client, alice)


def test_a_plan_deleted_is_seen(client, alice, plan):
    assert plan.title in today(client, alice)
    plan.delete()
    assert "hasn't set a routine for you yet" in today(client, alice)


def test_a_full_save_of_the_patient_keeps_the_stamp_a_write_changed_meanwhile(alice):
    """An admin's edit loaded the patient before a check-out changed the stamp: saving
    it must not put the old stamp back, or the pages kept under it would show again."""
    loaded = User.objects.get(pk=alice.pk)
    make_screening(alice)  # its insert changes the stamp
    changed = User.objects.get(pk=alice.pk).record_stamp
    assert changed != loaded.record_stamp
    loaded.name = "Alice M."
    loaded.save()
    stored = User.objects.get(pk=alice.pk)
    assert (stored.name, stored.record_stamp) == ("Alice M.", changed)
