"""Notifications in the admin: for superusers only, to look into a problem.

Beheer sees failed e-mails as failed tasks (Tasks → task results) without reading
colleagues' notifications.
"""

from django.contrib import admin
from django.http import HttpRequest

from .models import Notification, Preference


class SuperuserOnly(admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(Notification)
class NotificationAdmin(SuperuserOnly):
    list_display = ["created_at", "recipient", "event", "title", "read_at", "email_status"]
    list_filter = ["event", "email_status"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__username", "title"]
    # The table grows with every referral; no COUNT(*) over all of it, no scan for the dates.
    show_full_result_count = False


@admin.register(Preference)
class PreferenceAdmin(SuperuserOnly):
    list_display = ["user", "event", "email"]
    list_filter = ["event", "email"]
    list_select_related = ["user"]
