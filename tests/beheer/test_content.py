import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from beheer import services
from themes.models import Cycle, Resource, Step
from themes.text import render_step_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(library):
    call_command("loaddata", "wegwijzer_inhoud", verbosity=0)
    # The Wegwijzer pages show a running cycle; a page view no longer starts one by itself.
    Cycle.objects.create(library=library, name="2026", is_current=True)


def _step():
    return Step.objects.get(phase__theme__slug="programmering", phase__kind="creatie", number=1)


def _edit(client, step, **data):
    version = client.get(f"/beheer/inhoud/stap/{step.pk}/").context["form"].initial["version"]
    return client.post(f"/beheer/inhoud/stap/{step.pk}/", {"version": version, **data})


def test_markdown_subset_is_rendered_and_everything_else_is_harmless():
    html = render_step_text(
        "Eerst **vet** en *schuin*.\n\n- een\n- twee\n\n[Bnetwerk](https://www.bnetwerk.nl) "
        "[x](javascript:alert(1)) <script>alert(1)</script> <b onclick=x>b</b>"
    )
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<ul>" in html and "<li>een</li>" in html
    assert '<a href="https://www.bnetwerk.nl" rel="noopener noreferrer">Bnetwerk</a>' in html
    # Raw HTML is shown as text, never as markup; a javascript: link is no link.
    assert "<script" not in html and "<b " not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_preview_shows_the_rendered_text_without_saving(client_for, content):
    step = _step()
    before = (step.title, step.text)
    response = _edit(
        client_for("beheer"), step, title="Kop", text="Met **nadruk**.", actie="voorbeeld"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voorbeeld (nog niet opgeslagen)" in page and "<strong>nadruk</strong>" in page
    step.refresh_from_db()
    assert (step.title, step.text) == before


def test_saved_title_and_text_show_on_the_phase_page_and_in_the_pdf(client_for, content, users):
    step = _step()
    response = _edit(
        client_for("beheer"),
        step,
        title="Criteria vaststellen",
        text="Bespreek de criteria met **het hele team**.",
        actie="opslaan",
    )
    assert response.status_code == 302
    page = client_for("mt").get("/wegwijzer/programmering/creatie/").content.decode()
    assert "Stap 1: Criteria vaststellen" in page
    assert "<strong>het hele team</strong>" in page
    pdf = client_for("mt").get("/wegwijzer/dossier.pdf")
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages).split()
    )
    assert "Criteria vaststellen" in text and "**" not in text


def test_every_edit_is_in_the_history_with_who(client_for, content, users):
    step = _step()
    client = client_for("beheer")
    _edit(client, step, title="Een", text="Tekst een", actie="opslaan")
    _edit(client, step, title="Twee", text="Tekst twee", actie="opslaan")
    records = list(step.history.order_by("history_id"))
    assert [r.title for r in records[-2:]] == ["Een", "Twee"]
    assert {r.history_user for r in records[-2:]} == {users["beheer"]}
    page = client.get(f"/beheer/inhoud/stap/{step.pk}/").content.decode()
    assert "Eerdere versies" in page


def test_concurrent_step_edit_gets_409_with_both_versions(client_for, content, users):
    step = _step()
    client = client_for("beheer")
    version = client.get(f"/beheer/inhoud/stap/{step.pk}/").context["form"].initial["version"]
    services.step_content_update(step=step, version=version, title="Van collega", text="Collega")
    response = client.post(
        f"/beheer/inhoud/stap/{step.pk}/",
        {"version": version, "title": "Van mij", "text": "Mijn tekst", "actie": "opslaan"},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Van collega" in page and 'value="Van mij"' in page
    assert Step.objects.get(pk=step.pk).title == "Van collega"
    again = response.context["form"].data["version"]
    response = client.post(
        f"/beheer/inhoud/stap/{step.pk}/",
        {"version": again, "title": "Van mij", "text": "Mijn tekst", "actie": "opslaan"},
    )
    assert response.status_code == 302
    assert Step.objects.get(pk=step.pk).title == "Van mij"


def test_concurrent_resource_edit_gets_409_with_both_versions(client_for, content):
    resource = Resource.objects.filter(app_link="").first()
    url = f"/beheer/inhoud/hulpmiddel/{resource.pk}/"
    client = client_for("beheer")
    version = client.get(url).context["form"].initial["version"]
    services.resource_update(
        resource=resource, version=version, title="Van collega", url="https://example.org/a"
    )
    mine = {"title": "Van mij", "url": "https://example.org/b", "actie": "opslaan"}
    response = client.post(url, {"version": version, **mine})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Van collega" in page and 'value="Van mij"' in page
    assert Resource.objects.get(pk=resource.pk).title == "Van collega"
    response = client.post(url, {"version": response.context["form"].data["version"], **mine})
    assert response.status_code == 302
    assert Resource.objects.get(pk=resource.pk).title == "Van mij"


def test_empty_text_is_refused(client_for, content):
    step = _step()
    response = _edit(client_for("beheer"), step, title="X", text="  ", actie="opslaan")
    assert response.status_code == 200
    assert "Een stap heeft een tekst nodig." in response.content.decode()


def test_resource_name_and_address(client_for, content):
    resource = Resource.objects.filter(app_link="").first()
    client = client_for("beheer")
    version = (
        client.get(f"/beheer/inhoud/hulpmiddel/{resource.pk}/").context["form"].initial["version"]
    )
    response = client.post(
        f"/beheer/inhoud/hulpmiddel/{resource.pk}/",
        {"version": version, "title": "Praatplaat", "url": "bnetwerk.nl/praatplaat"},
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.url == "https://bnetwerk.nl/praatplaat"
    assert resource.history.count() == 1
    response = client.post(
        f"/beheer/inhoud/hulpmiddel/{resource.pk}/",
        {"version": "0", "title": "Praatplaat", "url": "geen adres"},
    )
    assert "Vul een volledig webadres in" in response.content.decode()


def test_content_page_query_count(client_for, content, django_assert_max_num_queries):
    client = client_for("beheer")
    with django_assert_max_num_queries(10):
        assert client.get("/beheer/inhoud/").status_code == 200
