"""The list with filters, the CSV export and the figures."""

import csv
import io

import pytest
from django.urls import reverse

from referrals import selectors
from referrals.models import Offer, Referral

pytestmark = pytest.mark.django_db


def test_filters_narrow_the_list(client_for, make_referral):
    make_referral("Taalhuis", handover="info_only")
    make_referral("BoekStart")
    make_referral("Taalhuis", days_ago=40)
    client = client_for("mt")
    taalhuis = Offer.objects.get(name="Taalhuis")
    page = client.get(reverse("referrals:list"), {"offer": taalhuis.pk}).context["page"]
    assert page.paginator.count == 2
    page = client.get(reverse("referrals:list"), {"warm": "false"}).context["page"]
    assert page.paginator.count == 1
    page = client.get(reverse("referrals:list"), {"department": "jeugd_educatie"}).context["page"]
    assert page.paginator.count == 1


def test_bad_filter_values_give_a_message_not_an_error(client_for, make_referral):
    make_referral()
    response = client_for("mt").get(reverse("referrals:list"), {"van": "gisteren", "offer": "x"})
    assert response.status_code == 200
    assert response.context["filter"].form.errors


def test_list_is_paginated(client_for, make_referral):
    for _ in range(55):
        make_referral()
    client = client_for("mt")
    assert len(client.get(reverse("referrals:list")).context["page"].object_list) == 50
    second = client.get(reverse("referrals:list"), {"pagina": 2}).context["page"]
    assert len(second.object_list) == 5


def test_csv_export_neutralises_formulas_and_leaves_out_personal_data(
    client_for, make_referral, options
):
    offer = Offer.objects.get(name="Taalhuis")
    offer.name = '=HYPERLINK("http://x")'
    offer.save()
    make_referral(
        offer=offer.name,
        contact_consent=True,
        contact_phone="0612345678",
        note="privé",
    )
    response = client_for("mt").get(reverse("referrals:export_csv"))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "nummer"
    assert rows[1][2] == '\'=HYPERLINK("http://x")'
    assert "0612345678" not in body and "privé" not in body


def test_figures_count_per_offer_warm_share_and_matrix(make_referral, users):
    make_referral("Taalhuis", from_department="jeugd_educatie")
    make_referral("Taalhuis", from_department="jeugd_educatie", handover="info_only")
    make_referral("BoekStart", from_department="basisvaardigheden")
    closed = make_referral("Taalhuis")
    from referrals import services

    services.referral_complete(
        referral=closed, user=users["specialist"], outcome="started", reason="ok", version=None
    )
    data = selectors.figures(Referral.objects.all())
    assert data.total == 4
    assert data.warm == 3 and data.warm_share == 75
    assert data.started == 1 and data.reached_share == 25
    assert dict(data.per_offer) == {"Taalhuis": 3, "BoekStart": 1}
    rows = {label: counts for label, counts, _total in data.matrix_rows}
    # columns: basisvaardigheden, jeugd & educatie, extern
    assert rows["Jeugd & Educatie"] == [3, 0, 0]
    assert rows["Basisvaardigheden / Taalhuis"] == [0, 1, 0]


@pytest.mark.parametrize("count", [5, 60])
def test_list_and_figures_queries_are_bounded(
    client_for, make_referral, count, django_assert_max_num_queries
):
    for index in range(count):
        make_referral("Taalhuis" if index % 2 else "BoekStart", days_ago=index % 300)
    client = client_for("mt")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("referrals:list")).status_code == 200
    # 16, plus the two of the breakdown per audience and signal, the loop rows and the
    # offer/place names fingerprint of the figures cache
    with django_assert_max_num_queries(20):
        assert client.get(reverse("referrals:figures")).status_code == 200
    client = client_for("specialist")
    with django_assert_max_num_queries(10):
        assert client.get(reverse("referrals:incoming")).status_code == 200


def test_report_pdf_has_library_period_and_figures_but_no_names(client_for, make_referral, users):
    from pypdf import PdfReader

    make_referral(note="Geheim", contact_consent=True, contact_first_name="Aylin")
    response = client_for("mt").get(
        reverse("referrals:report_pdf"), {"van": "2020-01-01", "tot": "2099-12-31"}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split()
    )
    assert "Bibliotheek Testdorp" in text
    assert "1 januari 2020 tot en met 31 december 2099" in text
    assert "Taalhuis" in text
    for personal in ["Aylin", "Geheim", users["frontoffice"].last_name]:
        assert personal not in text


def test_cached_figures_change_as_soon_as_a_referral_does(client_for, make_referral, users):
    from referrals import services

    client = client_for("mt")
    make_referral()
    first = client.get(reverse("referrals:figures")).context["figures"]
    assert first.total == 1 and first.open == 1
    again = client.get(reverse("referrals:figures")).context["figures"]
    assert again.total == 1
    referral = make_referral()
    assert client.get(reverse("referrals:figures")).context["figures"].total == 2
    services.referral_complete(
        referral=referral, user=users["specialist"], outcome="started", reason="ok", version=None
    )
    assert client.get(reverse("referrals:figures")).context["figures"].started == 1
    referral.delete()
    assert client.get(reverse("referrals:figures")).context["figures"].total == 1


def test_the_list_filters_on_status_and_outcome(client_for, make_referral, users):
    from referrals import services

    done = make_referral()
    services.referral_complete(
        referral=done, version=None, outcome="arrived", user=users["specialist"]
    )
    make_referral()
    client = client_for("mt")
    page = client.get(reverse("referrals:list"), {"status": "verstuurd"}).context["page"]
    assert page.paginator.count == 1
    page = client.get(reverse("referrals:list"), {"outcome": "arrived"}).context["page"]
    assert [r.pk for r in page.object_list] == [done.pk]
