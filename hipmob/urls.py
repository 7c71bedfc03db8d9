from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from hipmob import views

admin.site.site_header = _("HipMob administration")
admin.site.site_title = _("HipMob admin")
admin.site.index_title = _("Catalogue and accounts")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page says; point them at the real icon.
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=static_url("img/icon.svg"), permanent=True)),
    ),
    path("", include("accounts.urls")),
    path("exercises/", include("exercises.urls")),
    path("", include("routines.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
