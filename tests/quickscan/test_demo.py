"""The demo: three closed yearly rounds and this year's round under way, so MT sees a real
comparison on first run."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from core.demo import demo_library_create
from core.models import Department
from core.roles import Role, user_roles
from quickscan import selectors
from quickscan.demo import load_demo
from quickscan.models import Item, Respondent, Round, RoundStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    library, _created = demo_library_create(password=settings.WEGWIJZER_DEMO_PASSWORD)
    load_demo(library=library)
    return library


def test_three_closed_years_and_one_in_progress(demo):
    year = timezone.localdate().year
    rounds = list(Round.objects.filter(library=demo).order_by("year"))
    assert [(r.year, r.status) for r in rounds] == [
        (year - 3, RoundStatus.CLOSED),
        (year - 2, RoundStatus.CLOSED),
        (year - 1, RoundStatus.CLOSED),
        (year, RoundStatus.OPEN),
    ]
    for closed in rounds[:3]:
        assert closed.closed_at.year == closed.year
        assert not closed.items.filter(agreed="").exists()
        assert closed.respondents.count() == 4
        assert not closed.respondents.filter(submitted_at__isnull=True).exists()
    current = rounds[-1]
    assert 0 < current.items.exclude(agreed="").count() < current.items.count()
    assert current.respondents.filter(submitted_at__isnull=True).exists()
    assert current.respondents.filter(submitted_at__isnull=False).exists()


def test_the_comparison_has_improvements_declines_disagreement_and_actions(demo):
    latest_closed = Round.objects.filter(library=demo, status=RoundStatus.CLOSED).first()
    comparison = selectors.comparison(rnd=latest_closed)
    assert len(comparison.years) == 3
    percents = [score.percent for score in comparison.overall]
    assert percents[0] < percents[-1]
    assert comparison.improvements and comparison.declines
    kinds = {item.change for item in comparison.items}
    assert {"nieuw", "vervallen"} <= kinds  # the questionnaire changed between the years
    assert any(item.earlier_wordings for item in comparison.items)
    results = selectors.round_results(rnd=latest_closed)
    assert results.disagreements and results.actions


def test_the_duo_and_the_manager_answer(demo, settings):
    for username, department in [
        ("jeugd", Department.JEUGD_EDUCATIE),
        ("taalhuis", Department.BASISVAARDIGHEDEN),
    ]:
        user = get_user_model().objects.get(username=username)
        assert user.check_password(settings.WEGWIJZER_DEMO_PASSWORD)
        assert user_roles(user) == {Role.WERKGROEP}
        assert user.profile.library == demo and user.profile.department == department
    names = set(Respondent.objects.values_list("user__username", flat=True))
    assert names == {"werkgroep", "jeugd", "taalhuis", "mt"}


def test_demo_runs_once_and_keeps_what_is_there(demo):
    before = Round.objects.count()
    Item.objects.filter(key="alg-actieplan").update(text="Aangepast door beheer.")
    load_demo(library=demo)
    assert Round.objects.count() == before
    assert Item.objects.get(key="alg-actieplan").text == "Aangepast door beheer."


def test_setup_demo_brings_the_quickscan(settings):
    settings.DEBUG = True
    call_command("setup_demo", stdout=StringIO())
    call_command("setup_demo", stdout=StringIO())
    assert Round.objects.count() == 4
