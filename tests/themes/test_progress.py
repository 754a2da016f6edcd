import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import CycleFactory
from themes import selectors, services
from themes.models import Assessment, Cycle, Phase, Step, StepProgress, SummaryAnswer
from themes.selectors import Status, derive_status

pytestmark = pytest.mark.django_db


def first_phase():
    return Phase.objects.get(theme__slug="gezinsaanpak-algemeen", kind="orientatie")


def phase_url(phase):
    return reverse("themes:phase", args=[phase.theme.slug, phase.kind])


# Ticking -------------------------------------------------------------------------------


def test_ticking_records_who_and_when_and_unticking_clears_it(client_for, users, cycle):
    step = first_phase().steps.get(number=1)
    client = client_for("werkgroep")
    response = client.post(reverse("themes:step_tick", args=[step.pk]), {"done": "1"})
    assert response.status_code == 302
    progress = StepProgress.objects.get(cycle=cycle, step=step)
    assert progress.is_done
    assert progress.done_by == users["werkgroep"]
    assert progress.done_at is not None

    client.post(reverse("themes:step_tick", args=[step.pk]), {"done": "0"})
    progress.refresh_from_db()
    assert not progress.is_done
    assert progress.done_by is None


def test_ticking_sets_a_state_so_two_colleagues_both_end_with_done(users, cycle):
    step = first_phase().steps.get(number=2)
    services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    services.step_set_done(cycle=cycle, step=step, user=users["trekker"], done=True)
    progress = StepProgress.objects.get(cycle=cycle, step=step)
    assert progress.is_done
    assert progress.done_by == users["werkgroep"]  # the first one to tick keeps the credit
    assert StepProgress.objects.filter(cycle=cycle, step=step).count() == 1


def test_ticking_works_without_javascript_and_with_htmx(client_for, cycle):
    step = first_phase().steps.get(number=1)
    client = client_for("werkgroep")
    response = client.post(
        reverse("themes:step_tick", args=[step.pk]), {"done": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="stap-1"' in html
    # The phase's progress is updated in place, and the live region says what happened.
    assert '<div id="fase-voortgang" hx-swap-oob="innerHTML">' in html
    assert "1 van 4 stappen gedaan" in html
    assert '<div id="stap-melding" hx-swap-oob="innerHTML">Stap 1 staat op gedaan.' in html


def test_bad_tick_value_is_refused_without_change(client_for, cycle):
    step = first_phase().steps.get(number=1)
    response = client_for("werkgroep").post(
        reverse("themes:step_tick", args=[step.pk]), {"done": "misschien"}
    )
    assert response.status_code == 400
    assert not StepProgress.objects.exists()


def test_mt_reads_but_cannot_tick(client_for, cycle):
    phase = first_phase()
    client = client_for("mt")
    response = client.get(phase_url(phase))
    assert response.status_code == 200
    assert "afvinken" not in response.content.decode()
    step = phase.steps.get(number=1)
    assert (
        client.post(reverse("themes:step_tick", args=[step.pk]), {"done": "1"}).status_code == 403
    )
    assert not StepProgress.objects.exists()


# Assignment ----------------------------------------------------------------------------


def test_assign_step_with_due_date_and_my_steps_lists_by_due_date(client_for, users, cycle):
    phase = first_phase()
    client = client_for("trekker")
    for number, due in [(1, "2026-12-20"), (2, "2026-12-05"), (3, "")]:
        step = phase.steps.get(number=number)
        response = client.post(
            reverse("themes:step_edit", args=[step.pk]),
            {
                "note": "Besproken in het MT",
                "evidence_url": "https://intranet.example.nl/verslag",
                "assigned_to": users["werkgroep"].pk,
                "due_date": due,
            },
        )
        assert response.status_code == 302, response.content.decode()
    response = client_for("werkgroep").get(reverse("themes:my_steps"))
    rows = list(response.context["rows"])
    assert [row.step.number for row in rows] == [2, 1, 3]
    assert rows[0].due_date == datetime.date(2026, 12, 5)
    assert rows[0].note == "Besproken in het MT"


def test_assigning_to_someone_outside_the_workgroup_is_refused(client_for, users, cycle):
    step = first_phase().steps.get(number=1)
    response = client_for("werkgroep").post(
        reverse("themes:step_edit", args=[step.pk]),
        {"note": "", "evidence_url": "geen-link", "assigned_to": users["mt"].pk, "due_date": ""},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "assigned_to" in form.errors
    assert "evidence_url" in form.errors
    assert not StepProgress.objects.exists()


# Summary answers -----------------------------------------------------------------------


def answer(client, phase, text, assessment="deels", based_on=""):
    return client.post(
        phase_url(phase), {"text": text, "assessment": assessment, "based_on": based_on}
    )


def test_answer_is_saved_and_earlier_answers_stay_readable(client_for, cycle):
    phase = first_phase()
    client = client_for("werkgroep")
    assert answer(client, phase, "Eerste antwoord").status_code == 302
    first = SummaryAnswer.objects.get()
    assert answer(client, phase, "Tweede antwoord", "ja", first.pk).status_code == 302
    assert SummaryAnswer.objects.count() == 2
    html = client.get(phase_url(phase)).content.decode()
    assert "Eerste antwoord" in html and "Tweede antwoord" in html


def test_answer_conflict_shows_both_and_loses_nothing(client, users, cycle):
    phase = first_phase()
    # Both open the form while there is no answer yet; the colleague saves first.
    client.force_login(users["trekker"])
    assert answer(client, phase, "Antwoord van de trekker", "ja").status_code == 302

    client.force_login(users["werkgroep"])
    response = answer(client, phase, "Mijn eigen antwoord", "deels", based_on="")
    assert response.status_code == 409
    html = response.content.decode()
    assert "Een collega heeft intussen een nieuwer antwoord opgeslagen" in html
    assert "Antwoord van de trekker" in html
    assert "Mijn eigen antwoord" in html  # still in the form
    assert SummaryAnswer.objects.count() == 1

    # After comparing, saving again goes through.
    newest = SummaryAnswer.objects.get()
    assert answer(client, phase, "Mijn eigen antwoord", "deels", newest.pk).status_code == 302
    assert SummaryAnswer.objects.count() == 2


def test_answer_without_assessment_gives_a_message_and_saves_nothing(client_for, cycle):
    response = client_for("werkgroep").post(phase_url(first_phase()), {"text": "Iets"})
    assert response.status_code == 200
    assert "assessment" in response.context["form"].errors
    assert not SummaryAnswer.objects.exists()


# Derived status ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "done", "assessment", "expected"),
    [
        (4, 0, None, Status.NIET_GESTART),
        (4, 1, None, Status.BEZIG),
        (4, 0, Assessment.NEE, Status.BEZIG),
        (4, 4, None, Status.BEZIG),
        (4, 4, Assessment.DEELS, Status.BEZIG),
        (4, 3, Assessment.JA, Status.BEZIG),
        (4, 4, Assessment.JA, Status.AFGEROND),
    ],
)
def test_phase_status_rule(total, done, assessment, expected):
    assert derive_status(total=total, done=done, assessment=assessment) == expected


def test_progress_percent_rounds_half_up_like_the_quickscan():
    # Bug fix: round() made 1 of 8 steps read 12% here and 13% in the Quickscan.
    phase = selectors.PhaseState(phase=None, total=8, done=1, answer=None)
    assert phase.percent == 13
    assert selectors.PhaseState(phase=None, total=0, done=0, answer=None).percent == 0
    assert str(phase.status_label) == "bezig"


def test_statuses_roll_up_to_theme_and_overall(users, cycle):
    phase = first_phase()
    for step in phase.steps.all():
        services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    services.summary_answer_create(
        cycle=cycle,
        phase=phase,
        user=users["werkgroep"],
        text="Ja",
        assessment="ja",
        based_on_id=None,
    )
    overview = selectors.overview(cycle=cycle)
    general = overview.themes[0]
    assert [p.status for p in general.phases] == [
        Status.AFGEROND,
        Status.NIET_GESTART,
        Status.NIET_GESTART,
        Status.NIET_GESTART,
    ]
    assert general.status == Status.BEZIG
    assert overview.themes[1].status == Status.NIET_GESTART
    assert overview.done == 4 and overview.total == 124
    assert overview.phases_done == 1


# Cycles --------------------------------------------------------------------------------


def test_coordinator_starts_a_new_cycle_with_fresh_progress(client_for, users, cycle):
    step = first_phase().steps.get(number=1)
    services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    response = client_for("trekker").post(
        reverse("themes:cycles"),
        {"name": "2027", "carry_over": "0", "closes": cycle.pk, "bevestigd": "1"},
    )
    assert response.status_code == 302
    new = Cycle.objects.get(is_current=True)
    assert new.name == "2027"
    cycle.refresh_from_db()
    assert not cycle.is_current
    assert selectors.overview(cycle=new).done == 0
    # The old cycle stays readable, and shows its progress.
    response = client_for("mt").get(reverse("themes:overview") + f"?cyclus={cycle.pk}")
    assert response.context["overview"].done == 1
    assert "alleen te lezen" in response.content.decode()


def test_only_the_coordinator_starts_a_cycle(client_for, cycle):
    assert (
        client_for("werkgroep").post(reverse("themes:cycles"), {"name": "2027"}).status_code == 403
    )
    assert Cycle.objects.count() == 1


def test_duplicate_cycle_name_gets_a_message(client_for, cycle):
    response = client_for("trekker").post(reverse("themes:cycles"), {"name": "2026"})
    assert response.status_code == 200
    assert "Er is al een cyclus met deze naam" in response.content.decode()
    assert Cycle.objects.count() == 1


def test_a_closed_cycle_cannot_be_changed(users, cycle, library):
    services.cycle_start(library=library, name="2027", user=users["trekker"])
    cycle.refresh_from_db()
    with pytest.raises(ValidationError):
        services.step_set_done(
            cycle=cycle, step=Step.objects.first(), user=users["werkgroep"], done=True
        )


def test_cycle_of_another_library_is_not_found(client_for, cycle):
    other = CycleFactory(name="elders")
    response = client_for("mt").get(reverse("themes:overview") + f"?cyclus={other.pk}")
    assert response.status_code == 404


# Queries stay bounded ------------------------------------------------------------------


def _fill_history(library, users, cycles=3):
    steps = list(Step.objects.all())
    phases = list(Phase.objects.all())
    for n in range(cycles):
        cycle = CycleFactory(library=library, name=f"oud-{n}", is_current=False)
        StepProgress.objects.bulk_create(
            StepProgress(cycle=cycle, step=s, is_done=True, done_by=users["werkgroep"])
            for s in steps
        )
        SummaryAnswer.objects.bulk_create(
            SummaryAnswer(cycle=cycle, phase=p, text="x", assessment="ja") for p in phases
        )


@pytest.mark.parametrize("history", [0, 4])
def test_overview_queries_are_bounded(
    client_for, users, library, cycle, history, django_assert_max_num_queries
):
    _fill_history(library, users, history)
    client = client_for("mt")
    with django_assert_max_num_queries(17):
        assert client.get(reverse("themes:overview")).status_code == 200


@pytest.mark.parametrize("history", [0, 4])
def test_phase_page_queries_are_bounded(
    client_for, users, library, cycle, history, django_assert_max_num_queries
):
    _fill_history(library, users, history)
    phase = Phase.objects.get(
        theme__slug="profilering-bij-gemeentelijke-gezinsaanpak", kind="orientatie"
    )
    for step in phase.steps.all():
        services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    client = client_for("werkgroep")
    with django_assert_max_num_queries(18):
        assert client.get(phase_url(phase)).status_code == 200


# Dossier PDF ---------------------------------------------------------------------------


def test_dossier_pdf_contains_status_steps_and_answer(client_for, users, library, cycle):
    import io

    from pypdf import PdfReader

    phase = first_phase()
    step = phase.steps.get(number=1)
    services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    services.step_update(
        cycle=cycle,
        step=step,
        user=users["werkgroep"],
        note="Brochure besproken met directie",
        evidence_url="",
        assigned_to=None,
        due_date=None,
    )
    services.summary_answer_create(
        cycle=cycle,
        phase=phase,
        user=users["werkgroep"],
        text="Het belang is duidelijk voor iedereen",
        assessment="deels",
        based_on_id=None,
    )
    response = client_for("mt").get(reverse("themes:dossier_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    assert "Bibliotheek Testdorp" in text
    assert "Het belang is duidelijk voor iedereen" in text
    assert "Brochure besproken met directie" in text
    assert "Oriëntatie" in text
    assert "Pagina 2 van" in text
    assert len(reader.pages) > 8
