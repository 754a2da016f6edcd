"""Issue 20, step 7: the reading guide is where a workgroup starts and in the dossier PDF."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from themes import services
from themes.models import Phase

pytestmark = pytest.mark.django_db

KEY_PHRASES = [
    "Leeswijzer",
    "in de volgorde die bij jullie past",
    "gewetensvraag",
    "voordat je aan de volgende fase begint",
]


def test_overview_shows_the_reading_guide_open_before_the_first_step(client_for, cycle):
    html = client_for("werkgroep").get(reverse("themes:overview")).content.decode()
    for phrase in KEY_PHRASES:
        assert phrase in html, phrase
    for phase in ("Oriëntatie", "Creatie", "Implementatie", "Evaluatie"):
        assert f"<dt><strong>{phase}</strong></dt>" in html
    assert '<details class="reading-guide-box mb-4" open>' in html


def test_reading_guide_folds_away_once_the_work_has_started(client_for, users, cycle):
    step = Phase.objects.order_by("pk").first().steps.first()
    services.step_set_done(cycle=cycle, step=step, user=users["werkgroep"], done=True)
    html = client_for("werkgroep").get(reverse("themes:overview")).content.decode()
    assert '<details class="reading-guide-box mb-4">' in html
    assert "gewetensvraag" in html


def test_dossier_pdf_carries_the_reading_guide(client_for, cycle):
    response = client_for("mt").get(reverse("themes:dossier_pdf"))
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for phrase in KEY_PHRASES:
        assert phrase in text, phrase
    assert "Je voert het plan uit" in text
