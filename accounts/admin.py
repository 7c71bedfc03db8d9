from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import AuditAction, AuditEvent, CareLink, Role, User
from hipmob.adminkit import CHECKBOXES
from organisations.models import Clinic, Organisation

# Only a superuser hands out power or access: anyone else who can edit accounts sees
# these fields read-only, and cannot edit a superuser's account at all. The role is
# among them: a clinician's role plus a care link is a way into a patient's record.
POWER_FIELDS = (
    "role",
    "is_superuser",
    "is_staff",
    "is_clinic_admin",  # manages a clinic's staff: handed out by superusers only
    "groups",
    "user_permissions",
)


def _plain(value):
    """A form value as JSON can store it: objects by primary key, lists sorted."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return sorted((_plain(v) for v in value), key=str)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def form_changes(form) -> dict:
    """{"before": …, "after": …} for the fields a bound admin form changed. Password
    fields are named, never their values (not even hashes)."""
    before, after = {}, {}
    for name in form.changed_data:
        if "password" in name:
            before[name], after[name] = "", "set"
            continue
        before[name] = _plain(form.initial.get(name))
        after[name] = _plain(form.cleaned_data.get(name))
    return {"before": before, "after": after}


class AuditedAdmin(admin.ModelAdmin):
    """Every add, change and delete made in the admin writes an AuditEvent: who, what
    (the object) and the changed fields before and after. `audit_patient` says whose
    record the object belongs to, so the patient's own trail shows it too."""

    def audit_patient(self, obj):
        return None

    def _target(self, obj) -> str:
        return f"{obj._meta.label_lower} {obj.pk}"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        detail = form_changes(form)
        inlines = []
        for formset in formsets:
            for inline_form in formset.forms:
                if not inline_form.has_changed() or not hasattr(inline_form, "cleaned_data"):
                    continue
                deleted = formset.can_delete and formset._should_delete_form(inline_form)
                inlines.append(
                    {
                        "model": inline_form._meta.model._meta.label_lower,
                        "id": _plain(inline_form.instance.pk),
                        "deleted": deleted,
                        **form_changes(inline_form),
                    }
                )
        if inlines:
            detail["inlines"] = inlines
        if change and not detail["after"] and not inlines:
            return  # saved unchanged: nothing happened
        AuditEvent.record(
            request.user,
            AuditAction.ADMIN_CHANGED if change else AuditAction.ADMIN_ADDED,
            patient=self.audit_patient(form.instance),
            target=self._target(form.instance),
            **detail,
        )

    def _audit_deleted(self, request, obj) -> None:
        AuditEvent.record(
            request.user,
            AuditAction.ADMIN_DELETED,
            patient=self.audit_patient(obj),
            target=self._target(obj),
            shown_as=str(obj),
        )

    def delete_model(self, request, obj):
        self._audit_deleted(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self._audit_deleted(request, obj)
        super().delete_queryset(request, queryset)


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


class UserCreationForm(AdminUserCreationForm):
    """A patient made here gets no password: they sign in with links from their
    clinician (and clinicians normally add patients in the clinic pages)."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.PATIENT and cleaned.get("set_usable_password"):
            self.add_error(
                "usable_password",
                _("Patients sign in with one-time links: choose “Disabled” for the password."),
            )
        return cleaned


@admin.register(User)
class UserAdmin(AuditedAdmin, BaseUserAdmin):
    add_form = UserCreationForm
    filter_horizontal = ()
    formfield_overrides = CHECKBOXES  # groups and permissions (hipmob/adminkit.py)
    list_display = (
        "username",
        "name",
        "role",
        "clinic",
        "timezone",
        "is_staff",
        "is_active",
        "last_login",
    )
    list_filter = ("role", "clinic", ErasureRequestedFilter, "is_staff", "is_active", "groups")
    list_select_related = ("clinic",)
    search_fields = ("username", "name", "email")
    ordering = ("username",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (
            _("Person"),
            {"fields": ("name", "email", "role", "clinic", "is_clinic_admin", "timezone")},
        ),
        (_("Record"), {"fields": ("date_of_birth", "phone", "clinic_identifier")}),
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
                "fields": (
                    "username",
                    "name",
                    "role",
                    "clinic",
                    "is_clinic_admin",
                    "timezone",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )

    def audit_patient(self, obj):
        return obj if obj.is_patient else None

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_patient:
            return fieldsets
        # A patient has no password, so no password row and no link to set one.
        return tuple(
            (title, {**opts, "fields": tuple(f for f in opts["fields"] if f != "password")})
            for title, opts in fieldsets
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None:
            # Moving someone to another clinic would leave their care links, plans and
            # records in the old one: a person's clinic is chosen when they are added.
            readonly = (*readonly, "clinic")
        if request.user.is_superuser:
            return readonly
        return (*readonly, *POWER_FIELDS)

    def has_add_permission(self, request):
        # A new account is a new role: superusers only. Clinicians add their patients.
        return request.user.is_superuser and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if obj.is_patient:
            obj.set_unusable_password()  # e.g. a superuser turned a clinician into a patient
        super().save_model(request, obj, form, change)

    def user_change_password(self, request, id, form_url=""):
        """Only a superuser sets a password, and only a staff member's: a patient's
        password would let whoever set it sign in as them."""
        user = self.get_object(request, unquote(id))
        if user is None or user.is_patient or not request.user.is_superuser:
            raise PermissionDenied
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            AuditEvent.record(
                request.user,
                AuditAction.ADMIN_CHANGED,
                target=self._target(user),
                before={"password": ""},
                after={"password": "set"},
            )
        return response


class SuperuserWritesAdmin(AuditedAdmin):
    """Seen by those with view permission; changed by superusers only."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class CareLinkForm(forms.ModelForm):
    class Meta:
        model = CareLink
        fields = ("clinician", "patient", "ended")

    def clean(self):
        cleaned = super().clean()
        clinician, patient = cleaned.get("clinician"), cleaned.get("patient")
        if clinician and patient and clinician.clinic_id != patient.clinic_id:
            raise forms.ValidationError(
                _("A care link joins a clinician and a patient of the same clinic.")
            )
        return cleaned


@admin.register(CareLink)
class CareLinkAdmin(SuperuserWritesAdmin):
    """Care links open a patient's record to a clinician: they are made in the clinic
    pages when a clinician adds a patient; here only a superuser changes them."""

    form = CareLinkForm

    list_display = ("clinician", "patient", "clinic", "created", "ended")
    list_filter = ("ended", "clinic")
    search_fields = ("clinician__username", "clinician__name", "patient__username", "patient__name")
    raw_id_fields = ("clinician", "patient")  # not Select2: see hipmob/adminkit.py
    list_select_related = ("clinician", "patient", "clinic")
    readonly_fields = ("clinic",)  # the patient's (CareLink.save)

    def audit_patient(self, obj):
        return obj.patient


# Organisations and their clinics are set up by the installation's superusers; each
# clinic's admin then keeps its own profile in the clinic pages (audited there too).
@admin.register(Organisation)
class OrganisationAdmin(SuperuserWritesAdmin):
    list_display = ("name", "slug", "created")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Clinic)
class ClinicAdmin(SuperuserWritesAdmin):
    list_display = ("name", "organisation", "country", "phone", "thresholds_signed_at")
    list_filter = ("organisation", "country")
    list_select_related = ("organisation",)
    search_fields = ("name", "slug", "organisation__name")
    readonly_fields = ("thresholds_version", "thresholds_signed_by", "thresholds_signed_at")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: an audit trail that could be edited would prove nothing. Its detail
    can hold health data (suggestion reasons, clearance notes): superusers only."""

    list_display = ("at", "actor", "action", "patient", "target")
    list_filter = ("action",)
    search_fields = ("action", "target", "actor__username", "patient__username")
    list_select_related = ("actor", "patient")

    def get_fields(self, request, obj=None):
        fields = ["at", "actor", "action", "patient", "target"]
        return [*fields, "detail"] if request.user.is_superuser else fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class GroupAdmin(BaseGroupAdmin):
    filter_horizontal = ()
    formfield_overrides = CHECKBOXES


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)
