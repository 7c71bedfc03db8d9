from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditEvent, CareLink, User

# Only a superuser may hand out power: anyone else who can edit accounts sees these
# fields read-only, and cannot edit a superuser's account at all.
POWER_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


class ErasureRequestedFilter(admin.SimpleListFilter):
    title = _("erasure")
    parameter_name = "erasure"

    def lookups(self, request, model_admin):
        return [("requested", _("Requested")), ("done", _("Erased"))]

    def queryset(self, request, queryset):
        if self.value() == "requested":
            return queryset.filter(erasure_requested_at__isnull=False, erased_at__isnull=True)
        if self.value() == "done":
            return queryset.filter(erased_at__isnull=False)
        return queryset


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "name", "role", "timezone", "is_staff", "is_active", "last_login")
    list_filter = ("role", ErasureRequestedFilter, "is_staff", "is_active", "groups")
    search_fields = ("username", "name", "email")
    ordering = ("username",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("name", "email", "role", "timezone")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (
            _("Dates"),
            {"fields": ("last_login", "date_joined", "erasure_requested_at", "erased_at")},
        ),
    )
    readonly_fields = ("erasure_requested_at", "erased_at")
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "name", "role", "timezone", "password1", "password2"),
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return readonly
        return (*readonly, *POWER_FIELDS)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(CareLink)
class CareLinkAdmin(admin.ModelAdmin):
    list_display = ("clinician", "patient", "created", "ended")
    list_filter = ("ended",)
    search_fields = ("clinician__username", "clinician__name", "patient__username", "patient__name")
    autocomplete_fields = ("clinician", "patient")
    list_select_related = ("clinician", "patient")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: an audit trail that could be edited would prove nothing."""

    list_display = ("at", "actor", "action", "patient", "target")
    readonly_fields = ("at", "actor", "action", "patient", "target", "detail")
    list_filter = ("action",)
    search_fields = ("action", "target", "actor__username", "patient__username")
    list_select_related = ("actor", "patient")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
