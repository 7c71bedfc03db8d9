from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import AuditEvent, CareLink, Role, User

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
    actions = ["erase_patients"]
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

    @admin.action(description=_("Erase the selected patients' data"), permissions=["delete"])
    def erase_patients(self, request, queryset):
        """Shows what will happen and asks again; only the confirming POST erases."""
        from routines.privacy import erase

        patients = list(queryset.filter(role=Role.PATIENT, erased_at__isnull=True))
        skipped = queryset.count() - len(patients)
        if request.POST.get("confirmed") == "yes":
            for patient in patients:
                erase(patient, by=request.user)
            self.message_user(
                request,
                ngettext(
                    "%(count)d patient erased. The audit trail keeps no health details.",
                    "%(count)d patients erased. The audit trail keeps no health details.",
                    len(patients),
                )
                % {"count": len(patients)},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Erase patients' data?"),
            "patients": patients,
            "skipped": skipped,
            "queryset": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/accounts/erase_confirm.html", context)


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
