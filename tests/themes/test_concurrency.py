"""Two colleagues at the same moment, each on their own database connection."""

import pytest
from django.core.management import call_command

from core.roles import Role
from tests.concurrency import run_together
from tests.factories import CycleFactory, LibraryFactory, make_staff
from themes import services
from themes.models import Step, StepProgress, SummaryAnswer

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.file_db]


@pytest.fixture
def setting():
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    library = LibraryFactory()
    cycle = CycleFactory(library=library, name="2026")
    a = make_staff(library, Role.WERKGROEP, username="anna")
    b = make_staff(library, Role.WERKGROEP, username="bram")
    return cycle, a, b


def test_two_colleagues_tick_the_same_step_at_once(setting):
    cycle, a, b = setting
    step = Step.objects.order_by("pk").first()
    run_together(  # an exception in either thread fails the test
        lambda: services.step_set_done(cycle=cycle, step=step, user=a, done=True),
        lambda: services.step_set_done(cycle=cycle, step=step, user=b, done=True),
    )
    progress = StepProgress.objects.get(cycle=cycle, step=step)
    assert progress.is_done
    assert progress.done_by in {a, b}


def test_two_colleagues_answer_at_once_one_is_told_of_the_other(setting):
    cycle, a, b = setting
    phase = Step.objects.order_by("pk").first().phase

    def save(user, text):
        return services.summary_answer_create(
            cycle=cycle, phase=phase, user=user, text=text, assessment="ja", based_on_id=None
        )

    results = run_together(
        lambda: save(a, "Antwoord Anna"),
        lambda: save(b, "Antwoord Bram"),
        expected=(services.AnswerConflict,),
    )
    conflicts = [r for r in results if isinstance(r, services.AnswerConflict)]
    saved = [r for r in results if isinstance(r, SummaryAnswer)]
    assert len(saved) == 1 and len(conflicts) == 1, results
    assert conflicts[0].newer.pk == saved[0].pk
    assert SummaryAnswer.objects.count() == 1
