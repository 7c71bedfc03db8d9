from django.urls import path

from learn import views

app_name = "learn"
urlpatterns = [
    path("", views.read_list, name="list"),
    path("<slug:slug>/", views.read_detail, name="read"),
]
