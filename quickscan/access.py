"""Fetching the Quickscan's objects for a request: one helper per kind (see core.access).
A round, and everything in it, is only found within the user's own library."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.access import deny, get_in_library, get_or_404, require
from core.roles import Role, has_role

from . import selectors
from .models import Respondent, Round, RoundItem


def get_round_for(request: HttpRequest, pk: int) -> Round:
    return get_in_library(Round.objects.all(), library=request.library, pk=pk)


def get_round_item_for(request: HttpRequest, rnd: Round, pk: int) -> RoundItem:
    """An item of the round (the round was fetched within the library)."""
    return get_or_404(RoundItem.objects.select_related("item"), round=rnd, pk=pk)


def get_respondent_for(request: HttpRequest, rnd: Round, pk: int) -> Respondent:
    """Someone invited to the round, for the trekker managing invitations."""
    return get_or_404(Respondent.objects.select_related("user"), round=rnd, pk=pk)


def get_own_respondent_for(request: HttpRequest, rnd: Round) -> Respondent:
    """The user's own invitation to the round; someone not invited gets a 403 saying so."""
    respondent = selectors.respondent_of(rnd=rnd, user=request.user)
    if respondent is None:
        deny(
            _(
                "Je bent niet uitgenodigd voor de Quickscan {year}. Alleen wie de trekker van de "
                "werkgroep heeft uitgenodigd, vult de Quickscan zelf in. Wil je meedoen? Vraag "
                "het de trekker."
            ).format(year=rnd.year)
        )
    return respondent


def get_action_for(request: HttpRequest, pk: int) -> RoundItem:
    """An agreed action of the library, for its owner or the workgroup to tick off."""
    round_item = get_in_library(
        RoundItem.objects.select_related("round"),
        library=request.library,
        via="round__library",
        pk=pk,
    )
    require(
        round_item.action_owner_id == request.user.pk or has_role(request.user, Role.WERKGROEP),
        _("Alleen wie de actie oppakt, of de werkgroep, vinkt haar af."),
    )
    return round_item
