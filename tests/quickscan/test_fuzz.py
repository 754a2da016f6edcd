"""Odd input thrown at the Quickscan's forms and its scoring: never a server error, nothing
half-saved, scores always within 0–100."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quickscan import scoring, services
from quickscan.models import Rating, Response, RoundItem

pytestmark = pytest.mark.django_db

odd_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "=SUM(A1)", "<script>x</script>", "\x00", "z" * 5000, "9" * 5000]),
)
odd_value = st.one_of(
    odd_text, st.integers(-(2**70), 2**70).map(str), st.sampled_from(Rating.values)
)
fuzz = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def rnd(small, library, users):
    from django.utils import timezone

    return services.round_open(
        library=library,
        year=timezone.localdate().year,
        user=users["trekker"],
        invitees=[users["werkgroep"], users["trekker"]],
    )


@fuzz
@given(answer=odd_value, explanation=odd_text, extra_key=odd_text, extra=odd_value)
def test_answer_form_survives_anything(client_for, rnd, answer, explanation, extra_key, extra):
    item = RoundItem.objects.filter(round=rnd).first()
    before = list(Response.objects.values_list("answer", "explanation"))
    response = client_for("werkgroep").post(
        reverse("quickscan:answer", args=[rnd.pk]),
        {f"antwoord_{item.pk}": answer, f"toelichting_{item.pk}": explanation, extra_key: extra},
    )
    assert response.status_code in {200, 302, 400}
    if response.status_code == 400:
        assert list(Response.objects.values_list("answer", "explanation")) == before


@fuzz
@given(
    agreed=odd_value,
    version=odd_value,
    what=odd_text,
    owner=odd_value,
    due=odd_value,
    explanation=odd_text,
)
def test_agree_form_survives_anything(
    client_for, rnd, agreed, version, what, owner, due, explanation
):
    item = RoundItem.objects.filter(round=rnd).first()
    before = RoundItem.objects.values_list("agreed", "version").get(pk=item.pk)
    prefix = f"v{item.pk}-"
    response = client_for("werkgroep").post(
        reverse("quickscan:agree_item", args=[rnd.pk, item.pk]),
        {
            f"{prefix}agreed": agreed,
            f"{prefix}version": version,
            f"{prefix}action_what": what,
            f"{prefix}action_owner": owner,
            f"{prefix}action_due": due,
            f"{prefix}explanation": explanation,
        },
    )
    assert response.status_code in {200, 302, 400, 409}
    if response.status_code in {400, 409}:
        assert RoundItem.objects.values_list("agreed", "version").get(pk=item.pk) == before


@given(
    answers=st.lists(
        st.sampled_from([Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.NVT, ""]),
        max_size=500,
    )
)
def test_scores_stay_between_0_and_100_and_leave_out_nvt(answers):
    score = scoring.Score.of(answers)
    counted = [a for a in answers if a in (Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET)]
    if not counted:
        assert score.percent is None
        return
    points = sum({Rating.OP_ORDE: 2, Rating.DEELS: 1}.get(a, 0) for a in counted)
    maximum = 2 * len(counted)
    assert 0 <= score.percent <= 100
    assert score.percent == (200 * points + maximum) // (2 * maximum)  # half rounds up


@given(answers=st.lists(st.sampled_from([*Rating.values, ""]), max_size=20))
def test_weet_niet_and_no_answer_never_make_a_disagreement(answers):
    opinions = [a for a in answers if a and a != Rating.WEET_NIET]
    assert scoring.disagrees(answers) == (len(set(opinions)) > 1)
    assert scoring.disagrees(answers) == scoring.disagrees(opinions)
