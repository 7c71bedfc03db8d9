from django.urls import path

from accounts import sso

# allauth reverses these two names (its openid_connect provider); <provider_id> is the
# organisation's short name.
urlpatterns = [
    path("<slug:provider_id>/login/", sso.begin, name="openid_connect_login"),
    path("<slug:provider_id>/login/callback/", sso.callback, name="openid_connect_callback"),
]
