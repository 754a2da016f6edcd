"""Odd input thrown at the desk form and the specialist's form: never a server error, never
half a referral."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referrals.models import Referral

pytestmark = pytest.mark.django_db

odd_text = st.one_of(
    st.text(max_size=600),
    st.sampled_from(["", " ", "=1+1", "<script>alert(1)</script>", "\x00", "😀" * 300, "9" * 5000]),
)
odd_value = st.one_of(odd_text, st.integers(-(2**70), 2**70).map(str), st.just("b:1"))
FIELDS = [
    "offer",
    "audience",
    "signals",
    "handover",
    "place",
    "from_department",
    "referred_at",
    "note",
    "contact_consent",
    "contact_first_name",
    "contact_phone",
    "contact_email",
]

fuzz = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@fuzz
@given(data=st.dictionaries(st.sampled_from(FIELDS), odd_value, max_size=len(FIELDS)))
def test_desk_form_survives_anything(client_for, options, data):
    client = client_for("frontoffice")
    before = Referral.objects.count()
    response = client.post(reverse("referrals:log"), data)
    assert response.status_code in {302, 400}
    if response.status_code == 400:
        assert Referral.objects.count() == before
        assert "nog niet opgeslagen" in response.content.decode()


def test_huge_ids_are_a_message_not_a_crash(client_for, options):
    response = client_for("frontoffice").post(
        reverse("referrals:log"), {"signals": ["9223372036854775808"], "offer": str(2**70)}
    )
    assert response.status_code == 400
    assert "Kies signalen uit de lijst" in response.content.decode()


@fuzz
@given(
    slug=st.sampled_from(["afronden", "afwijzen", "doorsturen", "in-behandeling"]),
    outcome=odd_value,
    reason=odd_text,
    version=odd_value,
    offer=odd_value,
)
def test_transition_forms_survive_anything(
    client_for, make_referral, slug, outcome, reason, version, offer
):
    referral = make_referral()
    client = client_for("specialist")
    response = client.post(
        reverse("referrals:transition", args=[referral.pk, slug]),
        {
            f"{slug}-outcome": outcome,
            f"{slug}-reason": reason,
            f"{slug}-version": version,
            f"{slug}-offer": offer,
        },
    )
    assert response.status_code in {302, 400, 409}
    referral.refresh_from_db()
    if response.status_code != 302:
        assert referral.status == "verstuurd"
        assert not referral.events.exists()
