"""The MT report as the MT reads it: who took part, a chart that reads at print size, an action
list whose columns read as text."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.people import display_name
from quickscan import services
from quickscan.models import Rating, RoundItem
from tests.pdftext import page_lines, text_sizes
from tests.quickscan.helpers import agree, answer, make_round

pytestmark = pytest.mark.django_db

OP, DE, NN = Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET
LONG = (
    "De werkgroep heeft met de gemeente, het consultatiebureau en de scholen in de wijk "
    "afgesproken hoe zij gezinnen die moeite hebben met lezen samen naar de bibliotheek verwijzen."
)


def _pdf(client, rnd) -> bytes:
    response = client.get(reverse("quickscan:report_pdf", args=[rnd.pk]))
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _text(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def running(small, library, users, year):
    """This year's round: the werkgroep member handed in, the trekker answered without handing
    in, the MT member never started."""
    make_round(
        library, year - 1, users["trekker"], {"a-vast": DE, "a-weg": OP, "b-een": NN, "b-twee": DE}
    )
    rnd = services.round_open(
        library=library,
        year=year,
        user=users["trekker"],
        invitees=[users["werkgroep"], users["trekker"], users["mt"]],
    )
    answer(
        rnd,
        users["werkgroep"],
        {"a-vast": OP, "a-nieuw": NN, "b-een": DE, "b-twee": OP},
        submit=True,
    )
    answer(rnd, users["trekker"], {"a-vast": OP})
    agree(rnd, users["trekker"], {"a-vast": OP, "b-een": DE, "b-twee": OP})
    item = RoundItem.objects.get(round=rnd, item__key="a-nieuw")
    RoundItem.objects.filter(pk=item.pk).update(text=LONG)
    services.agreed_answer_set(
        round_item=item,
        user=users["trekker"],
        answer=NN,
        action_what="Afspraken met de gemeente vastleggen",
        action_owner=users["werkgroep"],
        action_due=f"{year + 1}-02-01",
        expected_version=item.version,
    )
    return rnd


def test_cover_lists_who_handed_in_apart_from_who_did_not(client_for, running, users):
    client = client_for("mt")
    cover = _text(_pdf(client, running))[0]
    handed_in, _sep, rest = cover.partition("Ingevuld door:")[2].partition("Uitgenodigd")
    assert display_name(users["werkgroep"]) in handed_in
    assert display_name(users["trekker"]) not in handed_in  # answered, but never handed in
    assert display_name(users["mt"]) not in handed_in
    assert rest.startswith(", nog niet ingeleverd:")
    assert display_name(users["trekker"]) in rest and display_name(users["mt"]) in rest
    assert display_name(users["werkgroep"]) not in rest

    services.round_close(rnd=running, user=users["trekker"])
    cover = _text(_pdf(client, running))[0]
    assert "Uitgenodigd, niet ingeleverd:" in cover


def test_no_template_source_in_the_report(client_for, running, users):
    # A difference of opinion: the section that used to print a template comment.
    answer(running, users["trekker"], {"a-nieuw": OP, "b-een": DE, "b-twee": OP}, submit=True)
    pdf = _pdf(client_for("mt"), running)
    text = " ".join(_text(pdf))
    assert "Bij deze stellingen gaven de deelnemers verschillende antwoorden" in text
    for syntax in ("{#", "#}", "{%", "{{"):
        assert syntax not in text


def test_chart_text_prints_at_nine_points_or_more(client_for, running, year):
    pdf = _pdf(client_for("mt"), running)
    summary = _text(pdf)[1]
    assert "Samenvatting" in summary and f"{year - 1} {year}" not in summary.split("Onderdeel")[0]
    chart = [run for run in text_sizes(pdf, 1) if run.in_drawing]
    assert len(chart) >= 3 * 2 * 2  # per panel (2 sections and the total) per year: year, value
    assert min(run.size for run in chart) >= 9


def test_action_list_shows_the_statement_whole_in_a_readable_column(client_for, running):
    lines = page_lines(_pdf(client_for("mt"), running))[-1]
    assert lines[0] == "Actielijst"
    start = next(i for i, line in enumerate(lines) if "1.2 De werkgroep heeft" in line)
    end = next(i for i, line in enumerate(lines) if line.endswith("bibliotheek verwijzen."))
    cell = [lines[start].split("1.2 ", 1)[1], *lines[start + 1 : end + 1]]
    assert " ".join(" ".join(cell).split()) == LONG  # whole, not cut off with "…"
    # Not a word per line: every line but the last holds several words.
    assert all(len(line.split()) >= 3 for line in cell[:-1]), cell
