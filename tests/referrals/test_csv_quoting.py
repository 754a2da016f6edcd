"""The referral CSV keeps every cell whole in a spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse

from referrals.models import Offer

pytestmark = pytest.mark.django_db


def test_every_cell_with_a_delimiter_or_quote_is_quoted(client_for, make_referral):
    offer = Offer.objects.get(name="Taalhuis")
    offer.name = 'Taal;huis, "de echte",＝cmd()'
    offer.save()
    make_referral(offer=offer.name)
    response = client_for("mt").get(reverse("referrals:export_csv"))
    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    line = body.splitlines()[1]
    # Quoted as a whole, the quotes doubled: no spreadsheet splits or runs it.
    assert '"Taal;huis, ""de echte"",＝cmd()"' in line
    assert line.startswith('"') and line.endswith('"')
    row = next(csv.reader(io.StringIO(body.splitlines()[1]), delimiter=";"))
    assert row[2] == 'Taal;huis, "de echte",＝cmd()'
