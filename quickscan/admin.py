from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_base import AccessibleAdminMixin

from .models import Item, Respondent, Round, RoundEvent, RoundItem, Section


class ItemInline(AccessibleAdminMixin, admin.StackedInline):
    model = Item
    extra = 0
    fields = ["key", "order", "text", "theme_slug", "phase_kind", "introduced_in", "retired_in"]
    readonly_fields = ["key"]  # years are compared by key: it never changes
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # a new item is added under "vragen", where its key is chosen once


@admin.register(Section)
class SectionAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "order", "key"]
    inlines = [ItemInline]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj is not None else []


@admin.register(Item)
class ItemAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["key", "short_text", "section", "introduced_in", "retired_in", "phase_kind"]
    list_filter = ["section", "phase_kind", "retired_in"]
    list_select_related = ["section"]
    search_fields = ["key", "text"]
    fields = [
        "key",
        "section",
        "order",
        "text",
        "theme_slug",
        "phase_kind",
        "introduced_in",
        "retired_in",
    ]

    def get_readonly_fields(self, request, obj=None):
        # A reworded item keeps its key; a new item gets a new key.
        return ["key"] if obj is not None else []

    @admin.display(description=_("stelling"))
    def short_text(self, obj) -> str:
        return obj.text[:80]


class RespondentInline(AccessibleAdminMixin, admin.StackedInline):
    model = Respondent
    extra = 0
    fields = ["user", "invited_at", "invited_by", "submitted_at"]
    readonly_fields = ["invited_at", "invited_by"]
    raw_id_fields = ["user"]


class RoundEventInline(AccessibleAdminMixin, admin.StackedInline):
    model = RoundEvent
    extra = 0
    can_delete = False
    fields = ["at", "kind", "user", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Round)
class RoundAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["year", "library", "status", "opened_at", "closed_at"]
    list_filter = ["library", "status"]
    readonly_fields = ["opened_at", "opened_by", "closed_at", "closed_by"]
    inlines = [RespondentInline, RoundEventInline]


@admin.register(RoundItem)
class RoundItemAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["item", "round", "agreed", "action_owner", "action_due"]
    list_filter = ["round", "agreed"]
    list_select_related = ["item", "round", "action_owner"]
    readonly_fields = ["round", "item", "section", "agreed_at", "agreed_by", "version"]
