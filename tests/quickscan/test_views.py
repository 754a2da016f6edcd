"""The Quickscan pages: every action without JavaScript, htmx fragments, bad input, conflicts
and scoping to the user's own library."""

import csv
import io
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from core.people import display_name
from core.roles import Role
from quickscan import panels, services
from quickscan.models import EventKind, Item, Rating, Respondent, Response, Round, RoundItem
from tests.factories import LibraryFactory, make_staff
from tests.quickscan.helpers import agree, answer, make_round

pytestmark = pytest.mark.django_db

OP, DE, NN, NVT = Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.NVT
ALL = {"a-vast": OP, "a-nieuw": DE, "b-een": NN, "b-twee": OP}


@pytest.fixture
def rnd(small, library, users, year):
    return services.round_open(
        library=library,
        year=year,
        user=users["trekker"],
        invitees=[users["werkgroep"], users["trekker"], users["mt"]],
    )


def url(name, rnd, *args):
    return reverse(f"quickscan:{name}", args=[rnd.pk, *args])


def ri(rnd, key):
    return RoundItem.objects.get(round=rnd, item__key=key)


def html(response):
    return response.content.decode()


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


# ----------------------------------------------------------------------------- home, opening


def test_home_without_rounds(client_for, small):
    page = html(client_for("trekker").get(reverse("quickscan:home")))
    assert "Er zijn nog geen rondes." in page
    assert "Nieuwe ronde openen" in page


def test_only_the_coordinator_is_offered_a_new_round(client_for, rnd):
    assert "Nieuwe ronde openen" not in html(client_for("werkgroep").get(reverse("quickscan:home")))
    assert "Nieuwe ronde openen" not in html(client_for("mt").get(reverse("quickscan:home")))


def test_home_shows_the_running_round_and_my_part(client_for, rnd):
    page = html(client_for("werkgroep").get(reverse("quickscan:home")))
    assert f"Quickscan {rnd.year}: 0 van 3 deelnemers hebben ingeleverd" in page
    assert url("answer", rnd) in page


def test_coordinator_opens_a_round_with_the_form(client_for, small, users, year):
    client = client_for("trekker")
    form = client.get(reverse("quickscan:round_open"))
    assert form.context["form"].initial["year"] == year
    # Workgroup members are invited by default, the manager can be added.
    assert set(form.context["form"].initial["invitees"]) == {
        users["werkgroep"].pk,
        users["trekker"].pk,
    }
    response = client.post(
        reverse("quickscan:round_open"),
        {"year": year, "invitees": [users["werkgroep"].pk, users["mt"].pk]},
    )
    created = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("round", created)
    assert {r.user for r in created.respondents.all()} == {users["werkgroep"], users["mt"]}
    assert created.items.count() == 4


@pytest.mark.parametrize(
    ("year_value", "message"),
    [("taken", "Er is al een Quickscan-ronde voor"), ("1999", ""), ("abc", ""), ("", "")],
)
def test_opening_with_a_bad_year_shows_an_error_and_saves_nothing(
    client_for, rnd, year, year_value, message
):
    value = str(year) if year_value == "taken" else year_value
    response = client_for("trekker").post(reverse("quickscan:round_open"), {"year": value})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert message in html(response)
    assert Round.objects.count() == 1


# ----------------------------------------------------------------------------- answering


def _form_data(rnd, answers, explanations=None):
    data = {}
    for key, value in answers.items():
        pk = ri(rnd, key).pk
        data[f"antwoord_{pk}"] = value
        data[f"toelichting_{pk}"] = (explanations or {}).get(key, "")
    return data


def test_someone_not_invited_is_told_so(client_for, small, library, users, year):
    other = make_round(library, year, users["trekker"], close=False, invitees=[users["mt"]])
    response = client_for("werkgroep").get(url("answer", other))
    assert response.status_code == 403
    assert "niet uitgenodigd" in html(response)
    response = client_for("werkgroep").post(url("answer", other), _form_data(other, {"a-vast": OP}))
    assert response.status_code == 403
    assert not Response.objects.exists()


def test_answer_page_shows_every_item_with_the_five_choices_and_its_wegwijzer_link(client_for, rnd):
    page = html(client_for("werkgroep").get(url("answer", rnd)))
    for item in Item.objects.filter(key__in=ALL):
        assert item.text in page
        assert item.phase_url in page
    for label in ["op orde", "deels", "nog niet", "weet ik niet", "n.v.t."]:
        assert page.count(f"{label}\n") >= 4 or page.count(label) >= 4
    assert 'hx-trigger="change"' in page


def test_save_without_javascript(client_for, rnd, users):
    response = client_for("werkgroep").post(
        url("answer", rnd),
        {**_form_data(rnd, {"a-vast": OP, "b-een": DE}, {"b-een": "Half af."}), "opslaan": "1"},
    )
    assert response.status_code == 302
    saved = Response.objects.filter(respondent__user=users["werkgroep"])
    assert {(r.round_item.item.key, r.answer, r.explanation) for r in saved} == {
        ("a-vast", OP, ""),
        ("b-een", DE, "Half af."),
    }


def test_save_as_you_go_with_htmx_answers_with_a_status(client_for, rnd, users):
    response = client_for("werkgroep").post(
        url("answer", rnd), _form_data(rnd, {"a-vast": NN}), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Opgeslagen om" in html(response)
    assert Response.objects.get(respondent__user=users["werkgroep"]).answer == NN


def test_submitting_too_early_keeps_the_answers_and_marks_what_is_missing(client_for, rnd, users):
    response = client_for("werkgroep").post(
        url("answer", rnd), {**_form_data(rnd, {"a-vast": OP}), "inleveren": "1"}
    )
    assert response.status_code == 200
    page = html(response)
    assert "opgeslagen, maar nog niet ingeleverd" in page
    assert "Nog 3 van de 4 stellingen hebben geen antwoord" in page
    assert page.count("Nog geen antwoord") == 3
    respondent = Respondent.objects.get(round=rnd, user=users["werkgroep"])
    assert not respondent.has_submitted
    assert respondent.responses.get().answer == OP


def test_answer_page_shows_progress_chapters_and_the_next_open_statement(client_for, rnd):
    client = client_for("werkgroep")
    page = html(client.get(url("answer", rnd)))
    assert "0 van 4 stellingen beantwoord" in page
    assert '<a href="#onderdeel-gezinsaanpak-algemeen">Gezinsaanpak algemeen</a>' in page
    assert '<a href="#onderdeel-programmering">Programmering</a>' in page
    first = ri(rnd, "a-vast").pk
    assert f'href="#id_antwoord_{first}_0">Volgende stelling zonder antwoord (1.1)' in page
    response = client.post(
        url("answer", rnd), _form_data(rnd, {"a-vast": OP, "a-nieuw": DE}), HTTP_HX_REQUEST="true"
    )
    fragment = html(response)
    assert "2 van 4 stellingen beantwoord." in fragment.split("<div", 1)[0]  # the status
    assert 'id="invul-voortgang" hx-swap-oob="innerHTML"' in fragment
    assert "(2 van 2)" in fragment and "(0 van 2)" in fragment
    assert (
        f'href="#id_antwoord_{ri(rnd, "b-een").pk}_0">Volgende stelling zonder antwoord (2.1)'
        in (fragment)
    )


def test_hand_in_errors_link_to_each_open_statement_and_describe_it(client_for, rnd):
    response = client_for("werkgroep").post(
        url("answer", rnd), {**_form_data(rnd, {"a-vast": OP, "b-een": NN}), "inleveren": "1"}
    )
    page = html(response)
    alert = re.search(r'<div class="alert alert-danger" role="alert"[^>]*>(.*?)</div>', page, re.S)
    assert alert and 'tabindex="-1" id="inlever-fouten" autofocus' in alert.group(0)
    for key, number in (("a-nieuw", "1.2"), ("b-twee", "2.2")):
        pk = ri(rnd, key).pk
        link = f'<a href="#id_antwoord_{pk}_0"><span class="visually-hidden">stelling </span>'
        assert f"{link}{number}</a>" in alert.group(1)
        assert f'aria-describedby="vraag-{key}-open"' in page
        assert f'id="vraag-{key}-open">Nog geen antwoord</p>' in page
    assert 'aria-describedby="vraag-a-vast-open"' not in page
    assert "rode streep" not in page
    assert messages_of(response) == []  # said once, in the alert


def test_submit_when_done_then_read_only_until_taken_back(client_for, rnd, users):
    client = client_for("werkgroep")
    response = client.post(url("answer", rnd), {**_form_data(rnd, ALL), "inleveren": "1"})
    assert response.status_code == 302 and response["Location"] == url("round", rnd)
    respondent = Respondent.objects.get(round=rnd, user=users["werkgroep"])
    assert respondent.has_submitted
    page = html(client.get(url("answer", rnd)))
    assert "Toch nog aanpassen" in page and "disabled" in page
    response = client.post(url("answer", rnd), _form_data(rnd, {"a-vast": NN}), follow=True)
    assert "al ingeleverd" in html(response)
    assert respondent.responses.get(round_item__item__key="a-vast").answer == OP
    client.post(url("answer_withdraw", rnd))
    client.post(url("answer", rnd), _form_data(rnd, {"a-vast": NN}))
    assert respondent.responses.get(round_item__item__key="a-vast").answer == NN


@pytest.mark.parametrize(
    "bad",
    [
        {"antwoord": "misschien"},
        {"toelichting": "x" * 2001},
    ],
)
def test_bad_answers_save_nothing(client_for, rnd, bad):
    data = _form_data(rnd, {"a-vast": OP, "b-een": DE})
    pk = ri(rnd, "b-een").pk
    for field, value in bad.items():
        data[f"{field}_{pk}"] = value
    response = client_for("werkgroep").post(url("answer", rnd), data)
    assert response.status_code == 400
    assert "is-invalid" in html(response)
    assert not Response.objects.exists()
    htmx = client_for("werkgroep").post(url("answer", rnd), data, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "Niet opgeslagen" in html(htmx)
    assert not Response.objects.exists()


def test_mt_answers_when_invited_as_the_manager(client_for, rnd, users):
    response = client_for("mt").post(url("answer", rnd), {**_form_data(rnd, ALL), "inleveren": "1"})
    assert response.status_code == 302
    assert Respondent.objects.get(round=rnd, user=users["mt"]).has_submitted


# ----------------------------------------------------------------------------- agreeing


def _articles(page):
    """{item key: html of its article} on the agree page."""
    parts = re.split(r'<article id="vraag-', page)[1:]
    return {part.split('"', 1)[0]: part for part in parts}


def test_agree_page_shows_every_answer_and_highlights_disagreement(client_for, rnd, users):
    answer(rnd, users["werkgroep"], {"a-vast": OP, "b-een": OP, "b-twee": Rating.WEET_NIET})
    answer(rnd, users["trekker"], {"a-vast": OP, "b-een": NN, "b-twee": OP})
    page = html(client_for("werkgroep").get(url("agree", rnd)))
    articles = _articles(page)
    assert set(articles) == set(ALL)
    flagged = {key for key, part in articles.items() if "Verschil van mening" in part}
    assert flagged == {"b-een"}
    assert "van op orde tot nog niet" in articles["b-een"]
    assert users["werkgroep"].get_full_name() in articles["a-vast"]
    assert "nog niet ingeleverd" in articles["a-vast"]
    only = _articles(html(client_for("werkgroep").get(url("agree", rnd) + "?toon=verschil")))
    assert set(only) == {"b-een"}


def _agree_data(item, rating, version, **extra):
    prefix = f"v{item.pk}-"
    data = {f"{prefix}agreed": rating, f"{prefix}version": version}
    data.update({prefix + key: value for key, value in extra.items()})
    return data


def test_set_the_agreed_answer_without_javascript(client_for, rnd, users):
    item = ri(rnd, "b-een")
    response = client_for("werkgroep").post(
        url("agree_item", rnd, item.pk),
        _agree_data(
            item,
            NN,
            0,
            agreed_explanation="Nog geen overzicht.",
            action_what="Overzicht maken",
            action_owner=users["trekker"].pk,
            action_due="2030-03-01",
        ),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(url("agree", rnd) + "#vraag-b-een")
    item.refresh_from_db()
    assert (item.agreed, item.action_what, item.action_owner, item.version) == (
        NN,
        "Overzicht maken",
        users["trekker"],
        1,
    )


def test_set_the_agreed_answer_with_htmx_swaps_the_item(client_for, rnd):
    item = ri(rnd, "a-vast")
    response = client_for("werkgroep").post(
        url("agree_item", rnd, item.pk), _agree_data(item, OP, 0), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    page = html(response)
    assert page.startswith('<article id="vraag-a-vast"')
    assert "is opgeslagen" in page and 'hx-swap-oob="innerHTML"' in page
    assert "1 van 4 stellingen hebben een afgesproken antwoord" in page
    item.refresh_from_db()
    assert item.agreed == OP


def test_a_colleagues_agreed_answer_is_shown_not_overwritten(client_for, rnd, users):
    item = ri(rnd, "a-vast")
    services.agreed_answer_set(
        round_item=item,
        user=users["trekker"],
        answer=NN,
        explanation="Volgens de trekker nog niet.",
        expected_version=0,
    )
    client = client_for("werkgroep")
    mine = _agree_data(item, OP, 0, agreed_explanation="Volgens mij op orde.")
    response = client.post(url("agree_item", rnd, item.pk), mine)
    assert response.status_code == 409
    page = html(response)
    assert "Een collega heeft intussen een ander antwoord vastgelegd" in page
    assert "Volgens de trekker nog niet." in page  # theirs
    assert "Volgens mij op orde." in page  # mine, still in the form
    assert f'name="v{item.pk}-version" value="1"' in page
    item.refresh_from_db()
    assert (item.agreed, item.version) == (NN, 1)
    # Having compared both, saving again goes through.
    response = client.post(url("agree_item", rnd, item.pk), {**mine, f"v{item.pk}-version": 1})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.agreed, item.agreed_by, item.version) == (OP, users["werkgroep"], 2)


def test_a_conflict_with_htmx_comes_back_inside_the_fragment(client_for, rnd, users):
    item = ri(rnd, "a-vast")
    agree(rnd, users["trekker"], {"a-vast": NN})
    response = client_for("werkgroep").post(
        url("agree_item", rnd, item.pk), _agree_data(item, OP, 0), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Een collega heeft intussen" in html(response)
    item.refresh_from_db()
    assert item.agreed == NN


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"agreed": OP, "action_what": "Toch iets doen"}, "hoort bij een antwoord dat"),
        ({"agreed": NN, "action_due": "2030-01-01"}, "Beschrijf wat er moet gebeuren"),
        ({"agreed": "weet_niet"}, ""),
        ({"agreed": NN, "action_due": "morgen"}, ""),
        ({"agreed": NN, "action_owner": "999999"}, ""),
    ],
)
def test_bad_agreed_answers_are_refused_with_a_message(client_for, rnd, data, message):
    item = ri(rnd, "b-een")
    response = client_for("werkgroep").post(
        url("agree_item", rnd, item.pk), _agree_data(item, data.pop("agreed"), 0, **data)
    )
    assert response.status_code == 400
    page = html(response)
    assert "Het antwoord is niet opgeslagen" in page
    assert message in page
    item.refresh_from_db()
    assert (item.agreed, item.version) == ("", 0)


def test_mt_reads_results_but_does_not_set_agreed_answers(client_for, rnd):
    item = ri(rnd, "a-vast")
    client = client_for("mt")
    assert client.get(url("agree", rnd)).status_code == 403
    assert client.post(url("agree_item", rnd, item.pk), _agree_data(item, OP, 0)).status_code == 403
    assert client.get(url("results", rnd)).status_code == 200


# ----------------------------------------------------------------------------- closing


def test_close_only_when_everything_is_agreed(client_for, rnd, users):
    client = client_for("trekker")
    agree(rnd, users["trekker"], {"a-vast": OP})
    response = client.post(url("close", rnd), follow=True)
    assert "3 stellingen hebben nog geen afgesproken antwoord" in html(response)
    rnd.refresh_from_db()
    assert rnd.is_open
    agree(rnd, users["trekker"], {"a-nieuw": DE, "b-een": NN, "b-twee": NVT})
    response = client.post(url("close", rnd), follow=True)
    assert "is afgesloten" in html(response)
    rnd.refresh_from_db()
    assert not rnd.is_open


def test_the_close_button_appears_only_when_closing_is_possible(client_for, rnd, users, year):
    client = client_for("trekker")
    agree(rnd, users["trekker"], {"a-vast": OP})
    page = html(client.get(url("round", rnd)))
    assert url("close", rnd) not in page
    assert "Nog 3 stellingen hebben geen afgesproken antwoord." in page
    assert f'href="{url("agree", rnd)}?toon=open"' in page

    agree(rnd, users["trekker"], {"a-nieuw": DE, "b-een": NN, "b-twee": NVT})
    answer(rnd, users["werkgroep"], ALL, submit=True)
    page = html(client.get(url("round", rnd)))
    assert url("close", rnd) in page
    warning = re.search(
        r'<div class="alert alert-warning" id="afsluiten-waarschuwing">(.*?)</div>', page, re.S
    )
    text = " ".join(warning.group(1).split())
    names = sorted([display_name(users["trekker"]), display_name(users["mt"])])
    assert "2 van de 3 uitgenodigden hebben nog niet ingeleverd:" in text
    assert all(name in text for name in names)
    assert display_name(users["werkgroep"]) not in text
    assert f'aria-describedby="afsluiten-waarschuwing">Quickscan {year} toch afsluiten' in page

    answer(rnd, users["trekker"], ALL, submit=True)
    answer(rnd, users["mt"], ALL, submit=True)
    page = html(client.get(url("round", rnd)))
    assert "afsluiten-waarschuwing" not in page
    assert f">Quickscan {year} afsluiten</button>" in page


def test_a_closed_round_refuses_changes_and_shows_no_forms(client_for, rnd, users):
    agree(rnd, users["trekker"], ALL)
    services.round_close(rnd=rnd, user=users["trekker"])
    client = client_for("werkgroep")
    item = ri(rnd, "a-vast")
    page = html(client.get(url("agree", rnd)))
    assert url("agree_item", rnd, item.pk) not in page
    assert "Afgesproken antwoord opslaan" not in page
    response = client.post(url("agree_item", rnd, item.pk), _agree_data(item, NN, item.version))
    assert response.status_code == 400 and "is afgesloten" in html(response)
    response = client.post(url("answer", rnd), _form_data(rnd, {"a-vast": NN}), follow=True)
    assert "afgesloten" in html(response)
    item.refresh_from_db()
    assert item.agreed == OP
    assert not Response.objects.exists()


def test_reopen_needs_a_reason_and_shows_in_the_history(client_for, rnd, users):
    agree(rnd, users["trekker"], ALL)
    services.round_close(rnd=rnd, user=users["trekker"])
    client = client_for("trekker")
    response = client.post(url("reopen", rnd), {"reason": ""}, follow=True)
    assert "Geef aan waarom" in html(response)
    rnd.refresh_from_db()
    assert not rnd.is_open
    response = client.post(url("reopen", rnd), {"reason": "Stelling 2.1 opnieuw bespreken."})
    rnd.refresh_from_db()
    assert rnd.is_open
    page = html(client.get(url("round", rnd)))
    assert "heropend" in page and "Stelling 2.1 opnieuw bespreken." in page
    assert rnd.events.filter(kind=EventKind.REOPENED, user=users["trekker"]).exists()


def test_a_workgroup_member_cannot_close_or_invite(client_for, rnd, users, library):
    client = client_for("werkgroep")
    assert client.post(url("close", rnd)).status_code == 403
    extra = make_staff(library, Role.WERKGROEP, username="extra")
    assert client.post(url("invite", rnd), {"users": [extra.pk]}).status_code == 403
    assert rnd.respondents.count() == 3


def test_invite_and_withdraw_an_invitation(client_for, rnd, users, library):
    extra = make_staff(library, Role.WERKGROEP, username="extra", first_name="Ella")
    outsider = make_staff(library, Role.FRONTOFFICE, username="balie")
    client = client_for("trekker")
    page = html(client.get(url("round", rnd)))
    assert "Ella" in page and outsider.get_full_name() not in page
    response = client.post(url("invite", rnd), {"users": [extra.pk]}, follow=True)
    assert "Uitgenodigd: " in html(response)
    # Someone who may not answer (frontoffice) cannot be smuggled in.
    response = client.post(url("invite", rnd), {"users": [outsider.pk]}, follow=True)
    assert not rnd.respondents.filter(user=outsider).exists()
    assert "geen beschikbare keuze" in " ".join(messages_of(response))
    respondent = rnd.respondents.get(user=extra)
    client.post(url("respondent_remove", rnd, respondent.pk))
    assert not rnd.respondents.filter(user=extra).exists()


# ----------------------------------------------------------------------------- results


@pytest.fixture
def two_years(small, library, users, year):
    user = users["trekker"]
    make_round(library, year - 1, user, {"a-vast": DE, "a-weg": OP, "b-een": DE, "b-twee": NN})
    now = services.round_open(
        library=library, year=year, user=user, invitees=[users["werkgroep"], users["trekker"]]
    )
    answer(now, users["werkgroep"], {"a-vast": OP, "a-nieuw": NN, "b-een": DE, "b-twee": OP})
    answer(
        now,
        users["trekker"],
        {"a-vast": OP, "a-nieuw": OP, "b-een": DE, "b-twee": OP},
    )
    Response.objects.filter(
        respondent__user=users["werkgroep"], round_item__item__key="b-twee"
    ).update(explanation='=HYPERLINK("http://example.com","klik")')
    agree(now, user, {"a-vast": OP, "b-een": DE, "b-twee": OP})
    item = ri(now, "a-nieuw")
    services.agreed_answer_set(
        round_item=item,
        user=user,
        answer=NN,
        action_what="+31 bellen met de gemeente",
        action_owner=users["werkgroep"],
        action_due=f"{year + 1}-02-01",
        expected_version=0,
    )
    services.round_close(rnd=now, user=user)
    return now


def test_results_page(client_for, two_years, users, year):
    page = html(client_for("mt").get(url("results", two_years)))
    assert "63%" in page  # 5 of 8
    assert "+13 procentpunt ten opzichte van" in page
    assert "+31 bellen met de gemeente" in page
    assert users["werkgroep"].get_full_name() in page
    assert Item.objects.get(key="a-nieuw").phase_url in page
    assert "Waar de antwoorden verschilden" in page


def test_comparison_page(client_for, two_years, year):
    page = html(client_for("mt").get(url("comparison", two_years)))
    assert f'<th scope="col" class="text-end">{year - 1}</th>' in page
    for label in ["verbeterd", "vervallen", "nieuw", "gelijk gebleven"]:
        assert label in page
    assert "<svg" in page and "Score per onderdeel over de jaren" in page


def test_mt_pdf_has_cover_summary_sections_disagreement_and_actions(
    client_for, two_years, library, users, year
):
    response = client_for("mt").get(url("report_pdf", two_years))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    text = " ".join(pages)
    assert library.name in pages[0] and f"Quickscan gezinsaanpak {year}" in pages[0]
    assert "Totaalscore 63%" in pages[1]
    assert f"In {year - 1} was dat 50%" in pages[1]
    assert "+13 procentpunt" in pages[1]
    assert f"Pagina 2 van {len(pages)}" in pages[1]
    assert "1. Gezinsaanpak algemeen" in pages[2] and "2. Programmering" in pages[3]
    assert "Waar de werkgroep het oneens was" in text
    assert users["werkgroep"].get_full_name() in text
    assert "Actielijst" in pages[-1] and "+31 bellen met de gemeente" in pages[-1]
    assert "01-02-" in pages[-1]


def test_csv_export_has_individual_and_agreed_answers_safe_for_spreadsheets(
    client_for, two_years, users
):
    response = client_for("werkgroep").get(url("export_csv", two_years))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")  # streamed: starts at once
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    header, data = rows[0], rows[1:]
    assert header[:6] == [
        "jaar",
        "nummer",
        "onderdeel",
        "sleutel",
        "stelling",
        "afgesproken antwoord",
    ]
    name = users["werkgroep"].get_full_name()
    assert f"{name}: antwoord" in header and f"{name}: toelichting" in header
    by_key = {row[3]: dict(zip(header, row, strict=True)) for row in data}
    assert by_key["b-twee"][f"{name}: toelichting"] == '\'=HYPERLINK("http://example.com","klik")'
    assert by_key["a-nieuw"]["actie"] == "'+31 bellen met de gemeente"
    assert by_key["a-nieuw"]["afgesproken antwoord"] == "nog niet"
    assert by_key["a-nieuw"]["verschil van mening"] == "ja"
    assert by_key["a-vast"]["verschil van mening"] == "nee"
    assert by_key["a-vast"][f"{name}: antwoord"] == "op orde"


# ----------------------------------------------------------------------------- scoping


ROUND_URLS = [
    ("round", "get"),
    ("answer", "get"),
    ("agree", "get"),
    ("results", "get"),
    ("comparison", "get"),
    ("report_pdf", "get"),
    ("export_csv", "get"),
    ("close", "post"),
    ("reopen", "post"),
    ("invite", "post"),
    ("answer_withdraw", "post"),
]


@pytest.mark.parametrize(("name", "method"), ROUND_URLS)
def test_another_librarys_round_is_a_404(client_for, small, users, year, name, method):
    other_library = LibraryFactory()
    someone = make_staff(other_library, Role.TREKKER, username="elders")
    other = services.round_open(
        library=other_library, year=year, user=someone, invitees=[users["trekker"]]
    )
    client = client_for("trekker")
    response = getattr(client, method)(url(name, other))
    assert response.status_code == 404
    assert Round.objects.get(pk=other.pk).is_open


def test_an_item_or_respondent_of_another_round_is_a_404(
    client_for, rnd, small, library, users, year
):
    other = make_round(library, year - 1, users["trekker"], close=False, invitees=[users["mt"]])
    client = client_for("trekker")
    foreign_item = other.items.first()
    assert client.get(url("agree_item", rnd, foreign_item.pk)).status_code == 404
    foreign_respondent = other.respondents.get()
    assert client.post(url("respondent_remove", rnd, foreign_respondent.pk)).status_code == 404
    assert other.respondents.exists()


# ----------------------------------------------------------------------------- home panels


def _request(user, library):
    request = RequestFactory().get("/")
    request.user = user
    request.library = library
    return request


def test_home_panels(two_years, library, users, year):
    workgroup = panels.workgroup_panel(_request(users["werkgroep"], library))
    assert workgroup.startswith('<section class="col-lg-6"')
    assert f"De Quickscan {year} is afgesloten met een totaalscore van 63%" in workgroup
    management = panels.management_panel(_request(users["mt"], library))
    assert f"Totaalscore {year}: 63% van het maximum." in management
    assert url("report_pdf", two_years) in management


def test_home_panels_invite_to_answer(rnd, library, users):
    assert url("answer", rnd) in panels.workgroup_panel(_request(users["werkgroep"], library))
    assert url("answer", rnd) in panels.management_panel(_request(users["mt"], library))
    assert "nog geen afgesloten" in panels.management_panel(_request(users["mt"], library))


def test_home_panels_without_rounds(small, library, users):
    assert "Er loopt nog geen Quickscan-ronde" in panels.workgroup_panel(
        _request(users["werkgroep"], library)
    )


# ----------------------------------------------------------------------------- beheer


def test_it_edits_the_questionnaire_but_never_a_key(client, superuser, small):
    client.force_login(superuser)
    item = Item.objects.get(key="a-vast")
    change = html(client.get(reverse("admin:quickscan_item_change", args=[item.pk])))
    assert 'name="text"' in change and 'name="key"' not in change
    add = html(client.get(reverse("admin:quickscan_item_add")))
    assert 'name="key"' in add


def test_it_sees_a_section_with_its_items_and_keys_read_only(client, superuser, small):
    section = small["a"]
    client.force_login(superuser)
    page = html(client.get(reverse("admin:quickscan_section_change", args=[section.pk])))
    assert "a-vast" in page and 'name="items-0-key"' not in page
    assert 'name="items-0-text"' in page
