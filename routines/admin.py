from django.contrib import admin

from routines.models import Alert, Routine, RoutineItem, Screening, ScreeningQuestion


class RoutineItemInline(admin.TabularInline):
    model = RoutineItem
    extra = 0
    autocomplete_fields = ("exercise", "bad_day_exercise")
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
class RoutineAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "owner", "patient", "active", "start_date", "end_date")
    list_filter = ("kind", "active", "shared")
    search_fields = ("title", "owner__username", "patient__username", "patient__name")
    list_select_related = ("owner", "patient")
    autocomplete_fields = ("owner", "patient", "source_template")
    readonly_fields = ("code", "created", "updated")
    inlines = [RoutineItemInline]


@admin.register(ScreeningQuestion)
class ScreeningQuestionAdmin(admin.ModelAdmin):
    list_display = ("order", "text", "tier", "active")
    list_display_links = ("text",)
    list_editable = ("order", "active")
    list_filter = ("tier", "active")
    search_fields = ("text", "key")
    readonly_fields = ("key",)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else ("key",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Clinical records: seen in the admin, changed only through the app."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Screening)
class ScreeningAdmin(ReadOnlyAdmin):
    list_display = ("patient", "local_date", "tier", "cleared_at")
    list_filter = ("tier",)
    list_select_related = ("patient",)


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("patient", "kind", "created", "resolved_at")
    list_filter = ("kind", "resolved_at")
    list_select_related = ("patient",)
