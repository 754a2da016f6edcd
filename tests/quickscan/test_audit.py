"""The audit trail: who set or changed an agreed answer, who reworded an item; beheer reads it."""

import pytest
from django.urls import reverse

from quickscan import services
from quickscan.models import Item, Rating, RoundItem

pytestmark = pytest.mark.django_db


def test_agreed_answers_are_in_the_history_with_who(
    client_for, small, library, users, year, superuser
):
    rnd = services.round_open(library=library, year=year, user=users["trekker"])
    item = RoundItem.objects.get(round=rnd, item__key="a-vast")
    path = reverse("quickscan:agree_item", args=[rnd.pk, item.pk])
    prefix = f"v{item.pk}-"
    client_for("werkgroep").post(path, {f"{prefix}agreed": Rating.DEELS, f"{prefix}version": 0})
    client_for("trekker").post(path, {f"{prefix}agreed": Rating.OP_ORDE, f"{prefix}version": 1})
    records = list(item.history.order_by("history_date"))
    assert [(r.agreed, r.history_user) for r in records] == [
        (Rating.DEELS, users["werkgroep"]),
        (Rating.OP_ORDE, users["trekker"]),
    ]
    url = reverse("admin:quickscan_rounditem_history", args=[item.pk])
    assert client_for("beheer").get(url).status_code == 302
    client = client_for("mt")
    assert client.get(url).status_code == 302
    client.force_login(superuser)
    assert client.get(url).status_code == 200


def test_rewording_an_item_keeps_the_old_text_in_the_history(small):
    item = Item.objects.get(key="b-twee")
    item.text = "Nieuwe activiteiten toetsen we vooraf."
    item.save()
    assert [r.text for r in item.history.order_by("history_date")] == [
        "Activiteiten zijn kansrijk.",
        "Nieuwe activiteiten toetsen we vooraf.",
    ]
