from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from hipmob import views

admin.site.site_header = _("HipMob administration")
admin.site.site_title = _("HipMob admin")
admin.site.index_title = _("Catalogue and accounts")
# django-allauth's own admin pages manage nothing HipMob uses: single sign-on is set by
# HIPMOB_OIDC_PROVIDERS and stores no social accounts, tokens or email addresses.
for _model in (
    "socialaccount.SocialApp",
    "socialaccount.SocialAccount",
    "socialaccount.SocialToken",
    "account.EmailAddress",
):
    admin.site.unregister(apps.get_model(_model))

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("", include("accounts.urls")),
    # Staff single sign-on, one OpenID Connect provider per organisation (accounts/sso.py).
    path("sso/", include("accounts.sso_urls")),
    path("", include("patient.account_urls")),
    path("exercises/", include("patient.library_urls")),
    path("learn/", include("learn.urls")),
    path("", include("reminders.urls")),
    path("", include("patient.urls")),
    path("clinic/", include("clinic.urls")),
    # Staff sign in through the same page as everyone (throttled, with the second step).
    path("admin/login/", views.admin_login),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
