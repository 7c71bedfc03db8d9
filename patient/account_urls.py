"""The account page, named "account" without a namespace like the rest of accounts/urls.py
(it lives here because it shows the reminder settings too)."""

from django.urls import path

from patient.views import account

urlpatterns = [
    path("account/", account.account, name="account"),
]
