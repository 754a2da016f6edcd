"""Every factory builds a row the model itself accepts, so a test standing on one stands on
data the app could have made."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = [
    factories.LibraryFactory,
    factories.BranchFactory,
    factories.UserFactory,
    factories.StaffProfileFactory,
    factories.ThemeFactory,
    factories.PhaseFactory,
    factories.StepFactory,
    factories.CycleFactory,
    factories.StepProgressFactory,
    factories.SummaryAnswerFactory,
    factories.SectionFactory,
    factories.ItemFactory,
    factories.RoundFactory,
    factories.RoundItemFactory,
    factories.RespondentFactory,
    factories.ResponseFactory,
    factories.OfferFactory,
    factories.SignalFactory,
    factories.OutreachLocationFactory,
    factories.ReferralFactory,
]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f.__name__)
def test_two_rows_of_each_factory_pass_full_clean(factory):
    first, second = factory(), factory()
    first.full_clean()
    second.full_clean()
    assert first.pk != second.pk


def test_a_referral_stays_within_its_library_and_gets_its_signals():
    signal = factories.SignalFactory()
    referral = factories.ReferralFactory(library=signal.library, signals=[signal])
    assert referral.offer.library == referral.library
    assert list(referral.signals.all()) == [signal]
    assert referral.is_warm and referral.is_open


def test_a_response_answers_an_item_of_its_own_round():
    response = factories.ResponseFactory()
    assert response.round_item.round == response.respondent.round
