from django.urls import path

from bench import views
from hipmob.urls import urlpatterns as app_urlpatterns

urlpatterns = [path("bench/baseline/", views.baseline, name="bench_baseline"), *app_urlpatterns]
