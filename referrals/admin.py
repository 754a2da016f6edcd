from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from wegwijzer.admin_base import AccessibleAdminMixin

from .models import Offer, OutreachLocation, Referral, ReferralEvent, Signal


@admin.register(Offer)
class OfferAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "department", "is_active", "order", "specialist_names"]
    list_filter = ["department", "is_active", "library"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("specialists")

    @admin.display(description=_("specialisten"))
    def specialist_names(self, obj) -> str:
        return ", ".join(u.get_full_name() or u.get_username() for u in obj.specialists.all())


@admin.register(Signal)
class SignalAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "is_active", "order"]
    list_filter = ["is_active", "library"]


@admin.register(OutreachLocation)
class OutreachLocationAdmin(AccessibleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "is_active"]
    list_filter = ["is_active", "library"]


class ReferralEventInline(AccessibleAdminMixin, admin.StackedInline):
    model = ReferralEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "outcome", "reason", "at", "by"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Referral)
class ReferralAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["referred_at", "offer", "audience", "is_warm", "outcome", "follow_up_date"]
    list_filter = ["outcome", "is_warm", "offer", "branch", "from_department", "referred_at"]
    list_select_related = ["offer"]
    date_hierarchy = "referred_at"
    readonly_fields = ["created_at", "logged_by", "closed_at", "closed_by", "version", "is_warm"]
    inlines = [ReferralEventInline]
