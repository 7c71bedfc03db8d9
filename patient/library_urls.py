from django.urls import path

from patient.views import library as views

app_name = "exercises"
urlpatterns = [
    path("", views.exercise_list, name="list"),
    path("<slug:slug>/", views.exercise_detail, name="detail"),
]
