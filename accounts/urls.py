from django.urls import path

from accounts import views

urlpatterns = [
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("sign-out/everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("link/<str:token>/", views.use_link, name="use_link"),
    path("account/", views.account, name="account"),
]
