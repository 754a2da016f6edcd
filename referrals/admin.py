from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.admin_base import AccessibleAdminMixin
from core.people import display_name

from . import selectors
from .models import Offer, OutreachLocation, PartnerContact, Referral, ReferralEvent, Signal


@admin.register(PartnerContact)
class PartnerContactAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["organisation", "name", "email", "is_active"]
    list_filter = ["is_active", "library"]
    search_fields = ["organisation", "name", "email"]


@admin.register(Offer)
class OfferAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "department", "is_active", "order", "receiver_names"]
    list_filter = ["department", "is_active", "library"]
    list_select_related = ["partner_contact"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("specialists")

    @admin.display(description=gettext_lazy("ontvangers"))
    def receiver_names(self, obj) -> str:
        names = [display_name(u) for u in obj.specialists.all()]
        if obj.partner_contact:
            names.append(str(obj.partner_contact))
        return ", ".join(names) or _("geen: verwijzingen gaan naar de coördinator")

    def changelist_view(self, request, extra_context=None):
        # Beheer sees at once which offers reach nobody (and so cannot be chosen at the desk).
        library = getattr(request, "library", None)
        if library is not None and request.method == "GET":
            missing = [o.name for o in selectors.offers_without_receivers(library=library)]
            if missing:
                messages.warning(
                    request,
                    _(
                        "Zonder ontvanger (niet te kiezen aan de balie): {offers}. Koppel een "
                        "specialist of een contactpersoon bij de partner."
                    ).format(offers=", ".join(missing)),
                )
        return super().changelist_view(request, extra_context)


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
    # The reason is free text and may name a parent: not for the admin (see ReferralAdmin).
    fields = ("kind", "status", "outcome", "at", "by", "by_partner")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Referral)
class ReferralAdmin(AccessibleAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "referred_at",
        "offer",
        "audience",
        "is_warm",
        "status",
        "outcome",
        "follow_up_date",
    ]
    list_filter = [
        "status",
        "outcome",
        "is_warm",
        "offer",
        "branch",
        "from_department",
        "referred_at",
    ]
    list_select_related = ["offer"]
    # At a hundred thousand referrals and more, the admin's extra COUNT(*) over the whole table
    # ("of 104 512 in total") and date_hierarchy's scan for the years present cost more than
    # the page; the referred_at filter above narrows by date without either.
    show_full_result_count = False
    # The lifecycle moves through its services only (version, history, who and when).
    readonly_fields = [
        "created_at",
        "logged_by",
        "status",
        "outcome",
        "received_at",
        "closed_at",
        "closed_by",
        "version",
        "is_warm",
        "forwarded_from",
        "root",
    ]
    inlines = [ReferralEventInline]
    # A parent's contact details, the note and the free-text reason belong to the offer's
    # receivers (referrals.selectors.may_read_personal_data), never to beheer or the admin:
    # not shown, not editable, not in the history pages (which render this same form).
    exclude = [
        "note",
        "contact_first_name",
        "contact_phone",
        "contact_email",
        "outcome_reason",
        "submission_token",
    ]

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # As SimpleHistoryAdmin's, leaving the excluded fields out of "what changed".
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current,
                    excluded_fields=self.exclude,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current
