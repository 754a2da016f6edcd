"""Always a receiver: the desk offers only offers someone receives; what nobody receives is
the coordinator's, and beheer and the coordinator are warned."""

import pytest
from django.urls import reverse

from core.roles import Role, set_user_roles
from referrals import selectors
from referrals.models import Offer, Status
from tests.referrals.test_log import form_data
from tests.referrals.test_loop import step

pytestmark = pytest.mark.django_db


def test_only_offers_with_a_receiver_are_offered_at_the_desk(client_for, options):
    lonely = Offer.objects.create(library=options, name="VVE-peuterspeelzaal", department="extern")
    form = client_for("frontoffice").get(reverse("referrals:log")).context["form"]
    offered = set(form.fields["offer"].queryset.values_list("name", flat=True))
    assert "Taalhuis" in offered and "Consultatiebureau" in offered
    assert lonely.name not in offered
    response = client_for("frontoffice").post(
        reverse("referrals:log"), form_data(options, offer=lonely.pk)
    )
    assert response.status_code == 400


def test_a_specialist_without_the_role_is_no_receiver(options, users):
    taalhuis = Offer.objects.get(name="Taalhuis")
    assert selectors.offer_has_receiver(offer=taalhuis)
    set_user_roles(users["specialist"], [Role.FRONTOFFICE])
    assert not selectors.offer_has_receiver(offer=taalhuis)
    assert taalhuis in selectors.offers_without_receivers(library=options)


def test_the_admin_only_lists_specialists_as_receivers(options, users):
    from django.forms import modelform_factory

    form = modelform_factory(Offer, fields=["specialists"])()
    choices = set(form.fields["specialists"].queryset)
    assert users["specialist"] in choices
    assert users["frontoffice"] not in choices and users["mt"] not in choices


def test_referrals_of_an_offer_that_loses_its_receiver_go_to_the_coordinator(
    client_for, users, make_referral
):
    referral = make_referral("Taalhuis")
    Offer.objects.get(name="Taalhuis").specialists.clear()
    client = client_for("trekker")
    page = client.get(reverse("referrals:without_receiver"))
    assert [r.pk for r in page.context["page"].object_list] == [referral.pk]
    assert "Taalhuis" in page.content.decode()
    # The coordinator may now act as its receiver, e.g. forward it.
    boekstart = Offer.objects.get(name="BoekStart")
    assert step(client, referral, "doorsturen", offer=boekstart.pk).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Status.AFGEROND
    assert not client.get(reverse("referrals:without_receiver")).context["page"].object_list


def test_beheer_and_the_coordinator_are_warned_on_the_home_page(client_for, options):
    Offer.objects.create(library=options, name="Zomerlezen", department="jeugd_educatie")
    for role in ("beheer", "trekker"):
        html = client_for(role).get(reverse("home")).content.decode()
        assert "Zomerlezen" in html and "geen ontvanger" in html
    assert "Zomerlezen" not in client_for("mt").get(reverse("home")).content.decode()


def test_the_coordinator_queue_page_is_bounded_in_queries(
    client_for, make_referral, django_assert_max_num_queries
):
    for _ in range(8):
        make_referral("Taalhuis")
    Offer.objects.get(name="Taalhuis").specialists.clear()
    client = client_for("trekker")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("referrals:without_receiver")).status_code == 200
