from django.urls import path

from patient.views import corrections, history, offline, player, psfs
from patient.views import safety as safety_views
from patient.views import today as views

app_name = "patient"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/pack.json", offline.pack, name="offline_pack"),
    path("sessions/start/", player.start, name="start"),
    path("sessions/bad-day/", player.start_bad_day, name="start_bad_day"),
    path("morning/", views.morning_check, name="morning"),
    path("activities/", psfs.psfs, name="psfs"),
    path("sessions/<uuid:code>/", player.session_page, name="session"),
    path("sessions/<uuid:code>/check-in/", player.check_in, name="check_in"),
    path("sessions/<uuid:code>/step/", player.log_step, name="log_step"),
    path("sessions/<uuid:code>/stop/", player.stop, name="stop"),
    path("sessions/<uuid:code>/check-out/", player.check_out, name="check_out"),
    path("sessions/<uuid:code>/correct/", corrections.correct, name="correct"),
    path("history/", history.history, name="history"),
    path("safety/", safety_views.check, name="safety"),
    path("safety/<uuid:code>/", safety_views.result, name="safety_result"),
    path("my-data/hipmob.json", history.export_json, name="export_json"),
    path("my-data/hipmob.csv", history.export_csv, name="export_csv"),
]
