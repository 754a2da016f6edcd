"""Ten yearly Quickscan rounds with eight respondents each, for the benchmarks.

Years before the questionnaire's first version ask that first version. Every round but the
last is closed; every item is answered by everyone and agreed, with actions on weak items.
"""

import random

from django.core.management import call_command
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.models import Library
from core.roles import Role

from .models import (
    ACTION_RATINGS,
    EventKind,
    Item,
    Rating,
    Respondent,
    Response,
    Round,
    RoundEvent,
    RoundItem,
    RoundStatus,
    asked_in,
)

YEARS = 10
RESPONDENTS = 8
AGREED = [Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.NVT]
INDIVIDUAL = [Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.WEET_NIET, Rating.NVT]


def generate(*, library: Library, people: dict, rng: random.Random, factor: float) -> int:
    if Round.objects.filter(library=library).exists():
        return 0
    if not Item.objects.exists():
        call_command("loaddata", "quickscan_vragenlijst", verbosity=0)
    first = Item.objects.order_by("introduced_in").values_list("introduced_in", flat=True).first()
    if first is None:
        return 0
    workgroup = people[Role.TREKKER] + people[Role.WERKGROEP]
    invitees = (workgroup + people[Role.MT])[:RESPONDENTS]
    trekker = people[Role.TREKKER][0] if people[Role.TREKKER] else invitees[0]
    now = timezone.now()
    this_year = timezone.localdate().year
    created = 0
    for year in range(this_year - YEARS + 1, this_year + 1):
        closed = year < this_year
        rnd = Round.objects.create(
            library=library,
            year=year,
            opened_by=trekker,
            status=RoundStatus.CLOSED if closed else RoundStatus.OPEN,
            closed_at=now if closed else None,
            closed_by=trekker if closed else None,
        )
        items = list(Item.objects.filter(asked_in(max(year, first))))
        round_items = []
        for item in items:
            agreed = rng.choice(AGREED)
            action = agreed in ACTION_RATINGS
            round_items.append(
                RoundItem(
                    round=rnd,
                    item=item,
                    section_id=item.section_id,
                    text=item.text,
                    order=item.order,
                    agreed=agreed,
                    agreed_by=trekker,
                    agreed_at=now,
                    action_what="Bespreken in het volgende werkgroepoverleg." if action else "",
                    action_owner=rng.choice(workgroup) if action else None,
                    version=1,
                )
            )
        round_items = bulk_create_with_history(round_items, RoundItem, batch_size=500)
        round_items = list(RoundItem.objects.filter(round=rnd))
        respondents = Respondent.objects.bulk_create(
            Respondent(round=rnd, user=user, invited_by=trekker, submitted_at=now)
            for user in invitees
        )
        responses = Response.objects.bulk_create(
            (
                Response(
                    respondent=respondent,
                    round_item=ri,
                    answer=rng.choice(INDIVIDUAL),
                    explanation="Toelichting bij het antwoord." if rng.random() < 0.2 else "",
                )
                for respondent in respondents
                for ri in round_items
            ),
            batch_size=1000,
        )
        events = [RoundEvent(round=rnd, kind=EventKind.OPENED, user=trekker)]
        if closed:
            events.append(RoundEvent(round=rnd, kind=EventKind.CLOSED, user=trekker))
        RoundEvent.objects.bulk_create(events)
        created += 1 + len(round_items) + len(respondents) + len(responses) + len(events)
    return created
