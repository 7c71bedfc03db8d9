from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import CareLink, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "name", "role", "timezone", "is_staff", "is_active", "last_login")
    list_filter = ("role", "is_staff", "is_active", "groups")
    search_fields = ("username", "name", "email")
    ordering = ("username",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("name", "email", "role", "timezone")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "name", "role", "timezone", "password1", "password2"),
            },
        ),
    )


@admin.register(CareLink)
class CareLinkAdmin(admin.ModelAdmin):
    list_display = ("clinician", "patient", "created", "ended")
    list_filter = ("ended",)
    search_fields = ("clinician__username", "clinician__name", "patient__username", "patient__name")
    autocomplete_fields = ("clinician", "patient")
    list_select_related = ("clinician", "patient")
