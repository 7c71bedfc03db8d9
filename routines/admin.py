from django.contrib import admin

from accounts.admin import AuditedAdmin
from routines.models import Routine, RoutineItem


class RoutineItemInline(admin.TabularInline):
    model = RoutineItem
    extra = 0
    # Plain selects, not Select2 (hipmob/adminkit.py): the catalogue is small.
    fields = (
        "order",
        "exercise",
        "sets",
        "reps",
        "hold_seconds",
        "rest_seconds",
        "per_side",
        "bad_day_exercise",
        "notes",
    )


@admin.register(Routine)
class RoutineAdmin(AuditedAdmin):
    """Plans are changed in the clinic pages; a change made here is audited like one."""

    list_display = ("title", "kind", "owner", "patient", "active", "start_date", "end_date")
    list_filter = ("kind", "active", "shared")
    search_fields = ("title", "owner__username", "patient__username", "patient__name")
    list_select_related = ("owner", "patient")
    # Typed ids with a lookup link, not Select2 (its inline styles break the CSP).
    raw_id_fields = ("owner", "patient", "source_template")
    readonly_fields = ("code", "created", "updated")
    inlines = [RoutineItemInline]

    def audit_patient(self, obj):
        return obj.patient
