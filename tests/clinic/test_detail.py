from exercises.models import Exercise
from routines.models import RoutineItem
from tests.clinic.helpers import count, make_session


def test_the_detail_page_shows_plan_chart_adherence_skips_and_notes(client, bob, alice, plan):
    session = make_session(alice, plan, 1, 5, 3)
    session.note = "Left hip tight"
    session.save()
    from practice.models import StepLog

    item = plan.items.first()
    StepLog.objects.create(
        session=session,
        item=item,
        exercise=item.exercise,
        side="both",
        set_number=1,
        status="skipped",
        skip_reason="pain",
    )
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/").content.decode()
    for text in ("Morning routine", "<polyline", "Glute bridge", "It hurt: 1", "Left hip tight"):
        assert text in html, text


def test_the_handout_lists_every_exercise_with_dose_and_cues(client, bob, alice, plan):
    client.force_login(bob)
    html = client.get(f"/clinic/patients/{alice.code}/handout/").content.decode()
    for item in plan.items.all():
        assert item.exercise.name in html and item.dose in html
        assert item.exercise.cue_list[0].replace("'", "&#x27;") in html


def test_the_detail_page_and_handout_keep_a_fixed_number_of_queries(client, bob, alice, plan):
    client.force_login(bob)
    detail, handout = (
        count(client, f"/clinic/patients/{alice.code}/{s}") for s in ("", "handout/")
    )
    for days_ago in range(1, 30):
        make_session(alice, plan, days_ago, 3)
    for exercise in Exercise.objects.all()[:6]:
        RoutineItem.from_exercise(exercise, routine=plan, order=9).save()
    assert count(client, f"/clinic/patients/{alice.code}/") == detail
    assert count(client, f"/clinic/patients/{alice.code}/handout/") == handout
