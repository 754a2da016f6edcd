"""The benchmark data: ten yearly rounds with eight respondents each."""

import random

import pytest
from django.utils import timezone

from core.roles import Role
from quickscan import scale, selectors
from quickscan.models import Respondent, Response, Round, RoundItem, RoundStatus
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def test_ten_rounds_of_eight_respondents_and_run_once(questionnaire, library):
    people = {role: [] for role in Role}
    for index in range(6):
        people[Role.WERKGROEP].append(make_staff(library, Role.WERKGROEP, username=f"w{index}"))
    people[Role.TREKKER].append(make_staff(library, Role.TREKKER, username="t"))
    people[Role.MT] += [make_staff(library, Role.MT, username=f"m{i}") for i in range(2)]
    count = scale.generate(library=library, people=people, rng=random.Random(1), factor=0.01)
    rounds = list(Round.objects.filter(library=library).order_by("year"))
    year = timezone.localdate().year
    assert [r.year for r in rounds] == list(range(year - 9, year + 1))
    assert [r.status for r in rounds].count(RoundStatus.CLOSED) == 9 and rounds[-1].is_open
    assert Respondent.objects.filter(round=rounds[-1]).count() == 8
    items = RoundItem.objects.filter(round=rounds[-1]).count()
    assert Response.objects.filter(round_item__round=rounds[-1]).count() == 8 * items
    assert not RoundItem.objects.filter(agreed="").exists()
    assert count > 8 * items * 10
    assert len(selectors.comparison(rnd=rounds[-1]).years) == 10
    assert scale.generate(library=library, people=people, rng=random.Random(1), factor=1) == 0
