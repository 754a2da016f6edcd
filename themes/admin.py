from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_base import AccessibleAdminMixin

from .models import Cycle, Phase, Resource, Step, StepItem, StepProgress, SummaryAnswer, Theme


class PhaseInline(AccessibleAdminMixin, admin.StackedInline):
    model = Phase
    extra = 0
    fields = ["kind", "purpose", "summary_question", "resources"]
    show_change_link = True


@admin.register(Theme)
class ThemeAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["title", "order", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PhaseInline]


class StepInline(AccessibleAdminMixin, admin.StackedInline):
    model = Step
    extra = 0
    fields = ["number", "text", "resources"]
    show_change_link = True


@admin.register(Phase)
class PhaseAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["theme", "kind"]
    list_filter = ["theme", "kind"]
    list_select_related = ["theme"]
    fields = ["theme", "kind", "purpose", "summary_question", "resources"]
    inlines = [StepInline]


class StepItemInline(AccessibleAdminMixin, admin.StackedInline):
    model = StepItem
    extra = 1


@admin.register(Step)
class StepAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "number"]
    list_filter = ["phase__theme", "phase__kind"]
    list_select_related = ["phase__theme"]
    search_fields = ["text"]
    inlines = [StepItemInline]


@admin.register(Resource)
class ResourceAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["title", "url", "app_link"]
    list_filter = ["app_link"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Cycle)
class CycleAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "library", "started_at", "is_current"]
    list_filter = ["library", "is_current"]
    readonly_fields = ["started_at", "started_by"]


@admin.register(StepProgress)
class StepProgressAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["step", "cycle", "is_done", "done_by", "assigned_to", "due_date"]
    list_filter = ["cycle", "is_done"]
    list_select_related = ["step__phase__theme", "cycle", "done_by", "assigned_to"]
    readonly_fields = ["updated_at", "updated_by", "done_at", "done_by"]


@admin.register(SummaryAnswer)
class SummaryAnswerAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["phase", "cycle", "assessment", "created_by", "created_at"]
    list_filter = ["cycle", "assessment"]
    list_select_related = ["phase__theme", "cycle", "created_by"]
    readonly_fields = ["created_at", "created_by"]

    @admin.display(description=_("antwoord"))
    def short_text(self, obj) -> str:
        return obj.text[:80]
