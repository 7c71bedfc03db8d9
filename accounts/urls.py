from django.urls import path

from accounts import devices, invitations, two_factor, views

urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("sign-out/everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("link/<str:token>/", views.use_link, name="use_link"),
    path("invitation/<str:token>/", invitations.accept_invitation, name="accept_invitation"),
    path("two-step/", two_factor.verify, name="two_factor"),
    path("two-step/set-up/", two_factor.setup, name="two_factor_setup"),
    path("two-step/recovery-codes/", two_factor.recovery_codes, name="recovery_codes"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path("password-reset/sent/", views.password_reset_sent, name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password-reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("account/language/", views.language, name="language"),
    # Notifications (Web Push) on this person's devices; the list is on the account page.
    path("account/devices/", devices.subscribe, name="push_subscribe"),
    path("account/devices/test/", devices.send_test, name="push_test"),
    path("account/devices/<uuid:code>/remove/", devices.remove, name="push_remove"),
]
