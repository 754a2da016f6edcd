import pytest

from referrals import services

pytestmark = pytest.mark.django_db


def test_closing_is_in_the_history_without_personal_data(make_referral, users):
    referral = make_referral(contact_consent=True, contact_phone="0612345678", note="Belt")
    services.referral_complete(
        referral=referral, user=users["specialist"], outcome="arrived", reason="ok", version=None
    )
    records = list(referral.history.order_by("history_date"))
    assert [(r.status, r.outcome) for r in records] == [("verstuurd", ""), ("afgerond", "arrived")]
    field_names = {f.name for f in records[0]._meta.get_fields()}
    assert not {"contact_phone", "contact_first_name", "contact_email", "note"} & field_names
