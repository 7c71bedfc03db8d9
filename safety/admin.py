from django.contrib import admin

from hipmob.adminkit import LabelledListEditable
from safety.models import Alert, AlertNotice, KnownAnswer, Screening, ScreeningQuestion


@admin.register(ScreeningQuestion)
class ScreeningQuestionAdmin(LabelledListEditable, admin.ModelAdmin):
    list_display = ("order", "short_name", "text", "tier", "when", "active")
    list_display_links = ("text",)
    list_editable = ("order", "active")
    list_filter = ("tier", "when", "active")
    search_fields = ("text", "recheck_text", "short_name", "key")
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
    list_display = ("patient", "tier", "title", "created", "acknowledged_at", "resolved_at")
    list_filter = ("tier", "kind", "resolved_at")
    list_select_related = ("patient",)


@admin.register(AlertNotice)
class AlertNoticeAdmin(ReadOnlyAdmin):
    list_display = ("alert", "recipient", "channel", "reason", "sent_at")
    list_filter = ("reason", "channel")
    list_select_related = ("alert__patient", "recipient")


@admin.register(KnownAnswer)
class KnownAnswerAdmin(ReadOnlyAdmin):
    list_display = ("patient", "question_key", "noted_by", "at")
    list_select_related = ("patient", "noted_by")
