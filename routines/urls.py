from django.urls import path

from routines import views

app_name = "routines"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("clinic/patients/", views.patient_list, name="patients"),
]
