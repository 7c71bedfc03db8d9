"""Erasing patients from the Django admin. The action lives here, not in accounts, because
erasure reaches every app's data (patient/privacy.py); it extends the accounts app's
user admin rather than copying it."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin import UserAdmin
from accounts.models import Role, User
from patient.privacy import erase


class PatientUserAdmin(UserAdmin):
    actions = ["erase_patients"]

    @admin.action(description=_("Erase the selected patients' data"), permissions=["delete"])
    def erase_patients(self, request, queryset):
        """Shows what will happen and asks again; only the confirming POST erases."""
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


admin.site.unregister(User)
admin.site.register(User, PatientUserAdmin)
