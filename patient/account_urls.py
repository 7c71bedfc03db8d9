"""The account page and the erasure request, named without a namespace like the rest of
accounts/urls.py (they live here because the page shows the reminder settings too, and
an erasure request is news for the patient's clinicians)."""

from django.urls import path

from patient.views import account, email

urlpatterns = [
    path("account/", account.account, name="account"),
    path("account/erase/", account.erasure, name="erasure"),
    path("account/email/", email.change, name="email_change"),
    path("account/email/confirm/<str:token>/", email.confirm, name="email_confirm"),
    path("account/email/remove/", email.remove, name="email_remove"),
]
