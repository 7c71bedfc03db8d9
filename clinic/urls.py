from django.urls import path

from clinic.views import alerts, builder, episodes, manage, own_exercises, record, reports
from clinic.views import patients as clinic
from clinic.views import reads as learn_clinic

app_name = "clinic"
urlpatterns = [
    path("patients/", clinic.patient_list, name="patients"),
    path("patients/new/", clinic.add_patient, name="add_patient"),
    path("patients/<uuid:code>/", clinic.patient_detail, name="patient"),
    path("patients/<uuid:code>/link/", clinic.new_link, name="new_link"),
    path("patients/<uuid:code>/assign/", clinic.assign, name="assign"),
    path("patients/<uuid:code>/handout/", clinic.handout, name="handout"),
    path("patients/<uuid:code>/record/", record.record, name="record"),
    path("patients/<uuid:code>/episodes/", episodes.open_episode, name="open_episode"),
    path(
        "patients/<uuid:code>/episodes/<uuid:episode_code>/discharge/",
        episodes.discharge,
        name="discharge",
    ),
    path(
        "patients/<uuid:code>/screenings/<uuid:screening_code>/clear/",
        alerts.clear,
        name="clear_screening",
    ),
    path(
        "patients/<uuid:code>/suggestions/<uuid:suggestion_code>/",
        clinic.decide_suggestion,
        name="decide_suggestion",
    ),
    path(
        "patients/<uuid:code>/alerts/<uuid:alert_code>/acknowledge/",
        alerts.acknowledge_alert,
        name="acknowledge_alert",
    ),
    path(
        "patients/<uuid:code>/alerts/<uuid:alert_code>/resolve/",
        alerts.resolve_alert,
        name="resolve_alert",
    ),
    path("patients/<uuid:code>/edit-plan/", builder.edit_plan, name="edit_plan"),
    path("patients/<uuid:code>/reads/", learn_clinic.attach_to_plan, name="attach_read"),
    path(
        "patients/<uuid:code>/reads/<slug:slug>/remove/",
        learn_clinic.detach_from_plan,
        name="detach_read",
    ),
    path(
        "routines/<uuid:code>/reads/", learn_clinic.attach_to_template, name="attach_template_read"
    ),
    path(
        "routines/<uuid:code>/reads/<slug:slug>/remove/",
        learn_clinic.detach_from_template,
        name="detach_template_read",
    ),
    # The clinic admin's pages (clinic/views/manage.py).
    path("manage/", manage.manage, name="manage"),
    path("manage/staff/", manage.staff_list, name="staff"),
    path("manage/staff/invite/", manage.invite, name="invite"),
    path(
        "manage/invitations/<uuid:code>/revoke/",
        manage.revoke_invitation,
        name="revoke_invitation",
    ),
    path("manage/staff/<uuid:code>/deactivate/", manage.deactivate_staff, name="deactivate_staff"),
    path("manage/staff/<uuid:code>/reactivate/", manage.reactivate_staff, name="reactivate_staff"),
    path("manage/staff/<uuid:code>/handover/", manage.handover, name="handover"),
    path("manage/profile/", manage.clinic_profile, name="profile"),
    path("manage/profile/sign-off/", manage.sign_off_thresholds, name="sign_off_thresholds"),
    path("routines/", builder.routine_list, name="routines"),
    path("routines/new/", builder.create_routine, name="create_routine"),
    path("routines/<uuid:code>/", builder.builder, name="builder"),
    path("routines/<uuid:code>/items/", builder.add_item, name="add_item"),
    path("routines/<uuid:code>/items/<uuid:item_code>/", builder.update_item, name="update_item"),
    path("routines/<uuid:code>/items/<uuid:item_code>/move/", builder.move_item, name="move_item"),
    path(
        "routines/<uuid:code>/items/<uuid:item_code>/remove/",
        builder.remove_item,
        name="remove_item",
    ),
    path("routines/<uuid:code>/settings/", builder.routine_settings, name="routine_settings"),
    path("routines/<uuid:code>/duplicate/", builder.duplicate, name="duplicate"),
    path("routines/<uuid:code>/delete/", builder.delete_routine, name="delete_routine"),
    # The clinic admin's pages: the report, the clinic's own exercises, shared routines.
    path("reports/", reports.report, name="reports"),
    path("reports/report.csv", reports.report_csv, name="reports_csv"),
    path("exercises/", own_exercises.exercise_list, name="own_exercises"),
    path("exercises/new/", own_exercises.new_exercise, name="new_own_exercise"),
    path("exercises/<slug:slug>/", own_exercises.edit_exercise, name="edit_own_exercise"),
    path(
        "exercises/<slug:slug>/publish/",
        own_exercises.publish_exercise,
        name="publish_own_exercise",
    ),
    path("routines/<uuid:code>/unshare/", own_exercises.unshare_template, name="unshare_template"),
]
