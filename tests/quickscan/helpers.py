"""Building Quickscan rounds with known answers, through the services."""

from quickscan import services
from quickscan.models import Item, Respondent, Round, RoundItem


def agree(rnd: Round, user, agreed: dict[str, str]) -> None:
    """Set the agreed answer of each item key."""
    for key, rating in agreed.items():
        ri = RoundItem.objects.get(round=rnd, item__key=key)
        services.agreed_answer_set(
            round_item=ri, user=user, answer=rating, expected_version=ri.version
        )


def answer(rnd: Round, user, answers: dict[str, str], *, submit: bool = False) -> Respondent:
    """A respondent's answers by item key (the user must be invited)."""
    respondent = Respondent.objects.get(round=rnd, user=user)
    ids = dict(RoundItem.objects.filter(round=rnd).values_list("item__key", "pk"))
    services.responses_save(
        respondent=respondent,
        answers={ids[key]: (rating, "") for key, rating in answers.items()},
    )
    if submit:
        services.respondent_submit(respondent=respondent)
    return respondent


def make_round(
    library,
    year: int,
    user,
    agreed: dict[str, str] | None = None,
    *,
    close: bool = True,
    invitees=(),
) -> Round:
    """A round of `year` with these agreed answers, closed unless asked otherwise."""
    rnd = services.round_open(library=library, year=year, user=user, invitees=invitees)
    agree(rnd, user, agreed or {})
    if close:
        services.round_close(rnd=rnd, user=user)
    return rnd


def all_keys(year: int) -> list[str]:
    from quickscan.models import asked_in

    return list(Item.objects.filter(asked_in(year)).values_list("key", flat=True))
