"""factory_boy factories for the domain models: one row each with valid defaults.

A factory builds rows directly, for tests that need data to stand on. A test about a service's
rules (opening a round, logging a referral) goes through the service instead, as
tests/quickscan/helpers.py and the make_referral fixture do.
"""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from core.models import Branch, Department, Library, StaffProfile
from core.roles import Role, set_user_roles

PASSWORD = "test-wachtwoord-123"


class LibraryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Library

    name = factory.Sequence(lambda n: f"Bibliotheek Testdorp {n}")


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: f"Vestiging {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            set_user_roles(self, extracted)


class StaffProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffProfile

    user = factory.SubFactory(UserFactory)
    library = factory.SubFactory(LibraryFactory)
    department = Department.JEUGD_EDUCATIE


def make_staff(library: Library, *roles: Role, **kwargs) -> "get_user_model()":
    """A staff member of `library` with the given roles."""
    department = kwargs.pop("department", Department.JEUGD_EDUCATIE)
    branch = kwargs.pop("branch", None)
    user = UserFactory(roles=list(roles), **kwargs)
    StaffProfileFactory(user=user, library=library, department=department, branch=branch)
    return user


# Wegwijzer (themes) --------------------------------------------------------------------


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.Theme"

    slug = factory.Sequence(lambda n: f"thema-{n}")
    title = factory.Sequence(lambda n: f"Thema {n}")
    order = factory.Sequence(lambda n: n)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.Phase"

    theme = factory.SubFactory(ThemeFactory)
    kind = "orientatie"
    summary_question = "Weten we genoeg om verder te gaan?"


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.Step"

    phase = factory.SubFactory(PhaseFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Stap {n + 1}: bespreek het met de werkgroep.")


class CycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.Cycle"

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: str(2026 + n))
    is_current = True


class StepProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.StepProgress"

    cycle = factory.SubFactory(CycleFactory)
    step = factory.SubFactory(StepFactory)


class SummaryAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "themes.SummaryAnswer"

    cycle = factory.SubFactory(CycleFactory)
    phase = factory.SubFactory(PhaseFactory)
    text = "We hebben een trekker en een werkgroep."
    assessment = "ja"
    created_by = factory.SubFactory(UserFactory)


# Quickscan -----------------------------------------------------------------------------


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "quickscan.Section"

    key = factory.Sequence(lambda n: f"onderdeel-{n}")
    title = factory.Sequence(lambda n: f"Onderdeel {n}")
    order = factory.Sequence(lambda n: n)


class ItemFactory(factory.django.DjangoModelFactory):
    """A statement of the questionnaire, asked from `introduced_in` on (this year by default)."""

    class Meta:
        model = "quickscan.Item"

    section = factory.SubFactory(SectionFactory)
    key = factory.Sequence(lambda n: f"vraag-{n}")
    text = factory.Sequence(lambda n: f"Stelling {n}.")
    order = factory.Sequence(lambda n: n)
    theme_slug = factory.SelfAttribute("section.key")
    phase_kind = "creatie"
    introduced_in = factory.LazyFunction(lambda: timezone.localdate().year)
    retired_in = None


class RoundFactory(factory.django.DjangoModelFactory):
    """A bare round row; quickscan.services.round_open also copies the items and invites."""

    class Meta:
        model = "quickscan.Round"

    library = factory.SubFactory(LibraryFactory)
    year = factory.LazyFunction(lambda: timezone.localdate().year)


class RoundItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "quickscan.RoundItem"

    round = factory.SubFactory(RoundFactory)
    item = factory.SubFactory(ItemFactory)
    section = factory.SelfAttribute("item.section")
    text = factory.SelfAttribute("item.text")
    order = factory.SelfAttribute("item.order")


class RespondentFactory(factory.django.DjangoModelFactory):
    """An invitation to a round."""

    class Meta:
        model = "quickscan.Respondent"

    round = factory.SubFactory(RoundFactory)
    user = factory.SubFactory(UserFactory)


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "quickscan.Response"

    respondent = factory.SubFactory(RespondentFactory)
    round_item = factory.SubFactory(
        RoundItemFactory, round=factory.SelfAttribute("..respondent.round")
    )
    answer = "op_orde"


# Referrals -----------------------------------------------------------------------------


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "referrals.Offer"

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: f"Aanbod {n}")
    department = Department.JEUGD_EDUCATIE


class SignalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "referrals.Signal"

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: f"Signaal {n}")


class OutreachLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "referrals.OutreachLocation"

    library = factory.SubFactory(LibraryFactory)
    name = factory.Sequence(lambda n: f"Buitenplek {n}")


class ReferralFactory(factory.django.DjangoModelFactory):
    """A referral row logged now, follow-up in 14 days; referrals.services.referral_create is
    the way in for tests of the desk's rules."""

    class Meta:
        model = "referrals.Referral"
        skip_postgeneration_save = True

    library = factory.SubFactory(LibraryFactory)
    offer = factory.SubFactory(OfferFactory, library=factory.SelfAttribute("..library"))
    audience = "ouder"
    handover = "warm_introduced"
    from_department = Department.JEUGD_EDUCATIE
    referred_at = factory.LazyFunction(timezone.now)
    follow_up_date = factory.LazyAttribute(
        lambda o: timezone.localdate(o.referred_at) + datetime.timedelta(days=14)
    )
    logged_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def signals(self, create, extracted, **kwargs):
        if create and extracted:
            self.signals.set(extracted)
