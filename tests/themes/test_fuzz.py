"""Odd input thrown at the Wegwijzer's forms: never a server error, nothing half-saved."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from themes.models import Phase, StepProgress, SummaryAnswer

pytestmark = pytest.mark.django_db

odd_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "=cmd|' /C calc'!A0", "<b>vet</b>", "\x00", "a" * 20000]),
)
odd_value = st.one_of(odd_text, st.integers(-(2**70), 2**70).map(str))
fuzz = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzz
@given(text=odd_text, assessment=odd_value, based_on=odd_value)
def test_answer_form_survives_anything(client_for, cycle, text, assessment, based_on):
    phase = Phase.objects.get(theme__slug="programmering", kind="creatie")
    before = SummaryAnswer.objects.count()
    response = client_for("werkgroep").post(
        reverse("themes:phase", args=[phase.theme.slug, phase.kind]),
        {"text": text, "assessment": assessment, "based_on": based_on},
    )
    assert response.status_code in {200, 302, 409}
    if response.status_code != 302:
        assert SummaryAnswer.objects.count() == before


@fuzz
@given(note=odd_text, url=odd_text, assigned=odd_value, due=odd_value)
def test_step_form_survives_anything(client_for, cycle, note, url, assigned, due):
    phase = Phase.objects.get(theme__slug="programmering", kind="creatie")
    step = phase.steps.get(number=1)
    before = list(StepProgress.objects.values_list("note", flat=True))
    response = client_for("werkgroep").post(
        reverse("themes:step_edit", args=[step.pk]),
        {"note": note, "evidence_url": url, "assigned_to": assigned, "due_date": due},
    )
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert list(StepProgress.objects.values_list("note", flat=True)) == before
