from django.contrib import admin

from core.admin_base import AccessibleAdminMixin

from .models import Attendance, Completion, Course, Meeting, Module, Participant


@admin.register(Module)
class ModuleAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["title", "order", "is_default", "key"]
    list_editable = ["order", "is_default"]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj is not None else []


class MeetingInline(AccessibleAdminMixin, admin.TabularInline):
    model = Meeting
    extra = 0
    fields = ["kind", "date", "start_time", "duration_minutes", "topic", "cancelled"]


@admin.register(Course)
class CourseAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "library", "starts_on", "ends_on"]
    list_filter = ["library"]
    filter_horizontal = ["branches", "trainers", "modules"]
    readonly_fields = ["created_at", "created_by"]
    inlines = [MeetingInline]


class CompletionInline(AccessibleAdminMixin, admin.TabularInline):
    model = Completion
    extra = 0
    fields = ["module", "completed_on", "recorded_by"]
    readonly_fields = ["recorded_by"]


class AttendanceInline(AccessibleAdminMixin, admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["meeting", "present", "recorded_at", "recorded_by"]
    readonly_fields = ["recorded_at", "recorded_by"]


@admin.register(Participant)
class ParticipantAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["user", "course", "added_at"]
    list_filter = ["course"]
    list_select_related = ["user", "course"]
    raw_id_fields = ["user"]
    inlines = [CompletionInline, AttendanceInline]
