"""Reads for beheer pages."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet

from core.models import Branch, Library
from core.roles import Role
from referrals import selectors as referral_selectors
from referrals.models import Offer, OutreachLocation, PartnerContact, Signal
from themes import selectors as theme_selectors
from themes.models import Resource, Step

User = get_user_model()

# The other lists of the desk form, by the name in their URL.
DESK_LISTS = {"signalen": Signal, "locaties": OutreachLocation}


def staff_for_library(*, library: Library) -> QuerySet:
    """The library's colleagues with what the staff list shows, in a fixed number of queries."""
    return (
        User.objects.filter(profile__library=library)
        .select_related("profile__branch")
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "username")
    )


def staff_member(*, library: Library, pk: int):
    """One colleague of this library, or None (someone else's staff is not ours to see)."""
    return staff_for_library(library=library).filter(pk=pk).first()


def is_invitation_pending(user) -> bool:
    """Invited but never chose a password (and so never signed in)."""
    return user.last_login is None and not user.has_usable_password()


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    url_name: str
    link_text: str


DEFAULT_LIBRARY_NAMES = {"", "bibliotheek"}


def first_time_checklist(*, library: Library, user) -> list[ChecklistItem]:
    """What a new installation needs before the desk can start; each item ticks itself."""
    from django.utils.translation import gettext as _

    active_offers = Offer.objects.filter(library=library, is_active=True)
    return [
        ChecklistItem(
            _("Geef de bibliotheek haar eigen naam"),
            library.name.strip().lower() not in DEFAULT_LIBRARY_NAMES,
            "beheer:library",
            _("Naar bibliotheek en vestigingen"),
        ),
        ChecklistItem(
            _("Zet ten minste één vestiging klaar"),
            library.branches.filter(is_active=True).exists(),
            "beheer:library",
            _("Naar bibliotheek en vestigingen"),
        ),
        ChecklistItem(
            _("Zet aanbod klaar en geef elk aanbod een ontvanger"),
            active_offers.exists() and not offers_without_receivers(library=library).exists(),
            "beheer:offers",
            _("Naar aanbod en partners"),
        ),
        ChecklistItem(
            _("Nodig collega's uit"),
            User.objects.filter(profile__library=library).exclude(pk=user.pk).exists(),
            "beheer:staff",
            _("Naar medewerkers"),
        ),
    ]


def offers_without_receivers(*, library: Library) -> QuerySet:
    """Active offers nobody receives: the referral log's own rule, so beheer warns about
    exactly the offers the desk refuses (a partner contact counts as a receiver)."""
    return referral_selectors.offers_without_receivers(library=library)


def library_fresh(*, library: Library) -> Library:
    """A separate copy to bind a form to: a rejected edit must not show up in the page header."""
    return Library.objects.get(pk=library.pk)


def branches(*, library: Library) -> QuerySet:
    return Branch.objects.filter(library=library).order_by("-is_active", "name")


def branch(*, library: Library, pk: int) -> Branch | None:
    return Branch.objects.filter(library=library, pk=pk).select_related("library").first()


def offers(*, library: Library) -> QuerySet:
    """All offers, each with `without_receiver` by the referral log's rule."""
    unreceived = offers_without_receivers(library=library).filter(pk=OuterRef("pk"))
    return (
        Offer.objects.filter(library=library)
        .annotate(without_receiver=Exists(unreceived))
        .select_related("partner_contact")
        .prefetch_related("specialists")
        .order_by("-is_active", "order", "name")
    )


def offer(*, library: Library, pk: int) -> Offer | None:
    return (
        Offer.objects.filter(library=library, pk=pk)
        .select_related("partner_contact")
        .prefetch_related("specialists")
        .first()
    )


def partner_contacts(*, library: Library) -> QuerySet:
    """The partner contacts an offer can be linked to: the library's active ones."""
    return PartnerContact.objects.filter(library=library, is_active=True)


def specialists(*, library: Library) -> QuerySet:
    """Who may receive referrals: active colleagues with the specialist role."""
    return (
        User.objects.filter(
            profile__library=library, is_active=True, groups__name=Role.SPECIALIST.value
        )
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


def desk_options(*, library: Library, kind: str) -> QuerySet:
    model = DESK_LISTS[kind]
    return model.objects.filter(library=library).order_by("-is_active", *model._meta.ordering)


def desk_option(*, library: Library, kind: str, pk: int):
    return DESK_LISTS[kind].objects.filter(library=library, pk=pk).first()


def content_overview(*, library: Library) -> list:
    """Themes with their phases and steps, and all resources, for the content page.

    Content is shared by the installation (not per library); `library` is here for the day
    that changes.
    """
    return theme_selectors.themes_with_steps()


def resources() -> QuerySet:
    return Resource.objects.order_by("title")


def step(*, pk: int) -> Step | None:
    return Step.objects.select_related("phase__theme").filter(pk=pk).first()


def resource(*, pk: int) -> Resource | None:
    return Resource.objects.filter(pk=pk).first()


def edit_history(obj, *, limit: int = 10) -> list:
    """The last saved versions of a step or resource, newest first, with who saved them."""
    return list(obj.history.select_related("history_user").order_by("-history_id")[:limit])
