"""The dossier PDF shows every step text whole, however long."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from themes.models import Step

pytestmark = pytest.mark.django_db


def test_dossier_shows_long_step_texts_whole(client_for, cycle):
    plain = [
        step
        for step in Step.objects.all()
        if not any(mark in step.text for mark in ("*", "[", "\n-", "\n1."))
    ]
    longest = max(plain, key=lambda step: len(step.text.split()))
    assert len(longest.text.split()) > 40  # the dossier used to stop after 18 words
    response = client_for("mt").get(reverse("themes:dossier_pdf"))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    words = longest.text.split()
    assert " ".join(words[-8:]) in text
    assert " ".join(words[:8]) in text
