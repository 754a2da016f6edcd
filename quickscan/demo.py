"""Demo Quickscans for `setup_demo`: three closed yearly rounds and this year's round under way.

The duo of the BiSC werktraject (one colleague Jeugd & Educatie, one Basisvaardigheden/Taalhuis),
the coordinator and the manager answer; the answers differ here and there, so the workgroup has
something to agree on, and the scores rise over the years with a few setbacks.
"""

import datetime
import zlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from core.models import Department, Library, StaffProfile
from core.roles import Role, set_user_roles

from . import services
from .models import (
    ACTION_RATINGS,
    Item,
    Rating,
    Respondent,
    Response,
    Round,
    RoundEvent,
    RoundItem,
)

# Extra workgroup members: the duo of the werktraject.
DEMO_MEMBERS = [
    ("jeugd", "Joyce", "Pronk", Department.JEUGD_EDUCATIE),
    ("taalhuis", "Tarik", "Bouzid", Department.BASISVAARDIGHEDEN),
]
LEVELS = [Rating.NOG_NIET, Rating.DEELS, Rating.OP_ORDE]
EXPLANATIONS = {
    Rating.OP_ORDE: "Staat in het jaarplan en loopt.",
    Rating.DEELS: "Is begonnen, maar nog niet overal geregeld.",
    Rating.NOG_NIET: "Hier zijn we nog niet aan toegekomen.",
    Rating.WEET_NIET: "Dit weet ik niet goed vanuit mijn afdeling.",
    Rating.NVT: "Dit doen we (nog) niet in onze bibliotheek.",
}
ACTIONS = {
    Rating.NOG_NIET: "Op de agenda van het volgende werkgroepoverleg zetten en een trekker kiezen.",
    Rating.DEELS: "Afmaken wat begonnen is en de afspraken vastleggen.",
}
# An earlier wording of one item, to show that years compare by key, not by text.
EARLIER_WORDING = {"alg-actieplan": "Er is een plan van aanpak voor de gezinsaanpak."}


def _number(*parts: object) -> int:
    return zlib.crc32("|".join(str(p) for p in parts).encode())


def _agreed_level(key: str, index: int) -> int:
    """Where an item stands in the index-th demo year: mostly rising, sometimes slipping."""
    n = _number(key)
    level = n % 2  # nog niet or deels in the first year
    trend = (n // 2) % 5
    if trend in (0, 1) and index >= 1:
        level += 1
    if trend in (1, 2) and index >= 2:
        level += 1
    if trend == 3 and index >= 2:
        level -= 1
    if trend == 4 and index >= 3:
        level += 1
    return max(0, min(2, level))


def _individual(key: str, username: str, year: int, agreed: int) -> str:
    n = _number(key, username, year)
    if username == "mt" and n % 7 == 0:
        return Rating.WEET_NIET
    if n % 8 == 0:
        return LEVELS[max(0, min(2, agreed + (1 if n % 2 else -1)))]
    return LEVELS[agreed]


def _members(library: Library) -> list:
    User = get_user_model()
    branch = library.branches.order_by("pk").first()
    for username, first, last, department in DEMO_MEMBERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_password(settings.WEGWIJZER_DEMO_PASSWORD)
            user.save()
            set_user_roles(user, [Role.WERKGROEP])
        StaffProfile.objects.get_or_create(
            user=user, defaults={"library": library, "branch": branch, "department": department}
        )
    order = ["werkgroep", "jeugd", "taalhuis", "mt"]
    found = {u.username: u for u in User.objects.filter(username__in=order, is_active=True)}
    return [found[name] for name in order if name in found]


def _at(year: int, month: int, day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


def _fill(rnd: Round, index: int, people: list, *, complete: bool) -> None:
    trekker = people[0]
    round_items = list(rnd.items.select_related("item"))
    for ri in round_items:
        if ri.item.key in EARLIER_WORDING and index < 2:
            ri.text = EARLIER_WORDING[ri.item.key]
            ri.save(update_fields=["text"])
    order = [person.pk for person in people]
    respondents = sorted(
        rnd.respondents.select_related("user"), key=lambda r: order.index(r.user_id)
    )
    for position, respondent in enumerate(respondents):
        username = respondent.user.username
        share = 1.0 if complete or position < 2 else (0.5 if position == 2 else 0)
        answers = {}
        for i, ri in enumerate(round_items):
            if i >= share * len(round_items):
                break
            answer = _individual(ri.item.key, username, rnd.year, _agreed_level(ri.item.key, index))
            if ri.item.key == "ig-resultaten-delen" and index == 0:
                answer = Rating.NVT
            wants_note = _number(ri.item.key, username, rnd.year) % 6 == 0
            explanation = EXPLANATIONS.get(answer, "") if wants_note else ""
            answers[ri.pk] = (answer, explanation)
        if answers:
            services.responses_save(respondent=respondent, answers=answers)
        if share == 1.0:
            services.respondent_submit(respondent=respondent)
    agree_upto = len(round_items) if complete else len(round_items) // 3
    for i, ri in enumerate(round_items[:agree_upto]):
        level = LEVELS[_agreed_level(ri.item.key, index)]
        if ri.item.key == "ig-resultaten-delen" and index == 0:
            level = Rating.NVT
        with_action = level in ACTION_RATINGS and i % 2 == 0
        services.agreed_answer_set(
            round_item=ri,
            user=trekker,
            answer=level,
            explanation="Besproken in de werkgroep." if i % 4 == 0 else "",
            action_what=ACTIONS[level] if with_action else "",
            action_owner=people[i % len(people)] if with_action else None,
            action_due=datetime.date(rnd.year + 1, 1 + i % 6, 15) if with_action else None,
            expected_version=0,
        )
    if complete:
        services.round_close(rnd=rnd, user=trekker)


def _backdate(rnd: Round, *, closed: bool) -> None:
    """Demo rounds of earlier years happened in spring of their year."""
    opened, submitted, agreed, closed_at = (
        _at(rnd.year, 2, 1),
        _at(rnd.year, 2, 20),
        _at(rnd.year, 3, 10),
        _at(rnd.year, 3, 15),
    )
    Round.objects.filter(pk=rnd.pk).update(
        opened_at=opened, closed_at=closed_at if closed else None
    )
    Respondent.objects.filter(round=rnd).update(invited_at=opened)
    Respondent.objects.filter(round=rnd, submitted_at__isnull=False).update(submitted_at=submitted)
    Response.objects.filter(respondent__round=rnd).update(updated_at=submitted)
    RoundItem.objects.filter(round=rnd, agreed_at__isnull=False).update(agreed_at=agreed)
    RoundEvent.objects.filter(round=rnd, kind="opened").update(at=opened)
    RoundEvent.objects.filter(round=rnd, kind="invited").update(at=opened)
    RoundEvent.objects.filter(round=rnd, kind="closed").update(at=closed_at)


@transaction.atomic
def load_demo(*, library: Library) -> None:
    if Round.objects.filter(library=library).exists():
        return
    if not Item.objects.exists():
        call_command("loaddata", "quickscan_vragenlijst", verbosity=0)
    people = _members(library)
    if not people:
        return
    this_year = timezone.localdate().year
    for index, year in enumerate(range(this_year - 3, this_year + 1)):
        complete = year < this_year
        rnd = services.round_open(library=library, year=year, user=people[0], invitees=people)
        _fill(rnd, index, people, complete=complete)
        if complete:
            _backdate(rnd, closed=True)
