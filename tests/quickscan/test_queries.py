"""The Quickscan pages run a fixed number of queries, however many years and respondents."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.roles import Role
from quickscan import services
from quickscan.models import Item, Rating, Respondent, Response, RoundItem
from tests.factories import make_staff

pytestmark = pytest.mark.django_db

SMALL, LARGE = (2, 2), (7, 9)  # (years, respondents)
RATINGS = [Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.NVT]
ANSWERS = [Rating.OP_ORDE, Rating.DEELS, Rating.NOG_NIET, Rating.WEET_NIET, Rating.NVT]


def build(library, users, year, years, respondents, prefix="lid"):
    """`years` rounds (all closed but the last) of the real questionnaire, every item answered
    by `respondents` people and agreed, with actions; returns the latest round."""
    # Let the questionnaire go back far enough for every year asked for.
    Item.objects.filter(introduced_in__lte=2022).update(introduced_in=year - 10)
    people = [users["werkgroep"], users["trekker"], users["mt"]] + [
        make_staff(library, Role.WERKGROEP, username=f"{prefix}{i}") for i in range(respondents)
    ]
    people = people[:respondents]
    rnd = None
    for offset in range(years - 1, -1, -1):
        rnd = services.round_open(
            library=library, year=year - offset, user=users["trekker"], invitees=people
        )
        items = list(rnd.items.order_by("pk"))
        cycle = itertools.cycle(ANSWERS)
        Response.objects.bulk_create(
            Response(respondent=r, round_item=ri, answer=next(cycle), explanation="Toelichting")
            for r in Respondent.objects.filter(round=rnd)
            for ri in items
        )
        Respondent.objects.filter(round=rnd).update(submitted_at=rnd.opened_at)
        for index, ri in enumerate(items):
            rating = RATINGS[(index + offset) % len(RATINGS)]
            action = rating in (Rating.DEELS, Rating.NOG_NIET)
            RoundItem.objects.filter(pk=ri.pk).update(
                agreed=rating,
                agreed_by=users["trekker"],
                action_what="Actie" if action else "",
                action_owner=people[index % len(people)] if action else None,
            )
        if offset:
            services.round_close(rnd=rnd, user=users["trekker"])
    return rnd


PAGES = ["home", "round", "answer", "agree", "results", "comparison", "export_csv", "report_pdf"]


def url(name, rnd):
    return (
        reverse("quickscan:home") if name == "home" else reverse(f"quickscan:{name}", args=[rnd.pk])
    )


def count_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


# Pinned per page: five of them are the session, the user, the roles, the staff profile and
# the library; one more query per year, item or respondent breaks these numbers.
MAX_QUERIES = {
    "home": 10,
    "round": 12,
    "answer": 10,
    "agree": 11,
    "results": 13,
    "comparison": 10,
    "export_csv": 10,
    "report_pdf": 16,
}


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["2-jaar-2-mensen", "7-jaar-9-mensen"])
@pytest.mark.parametrize("page", PAGES)
def test_pages_stay_within_a_fixed_number_of_queries(
    page, size, questionnaire, library, users, year, client, django_assert_max_num_queries
):
    rnd = build(library, users, year, *size)
    client.force_login(users["trekker"])
    client.get(url(page, rnd))  # warm up: session and the like
    with django_assert_max_num_queries(MAX_QUERIES[page]):
        assert client.get(url(page, rnd)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_years_or_respondents(
    page, questionnaire, library, users, year, client
):
    from tests.factories import LibraryFactory

    counts = []
    for years, respondents in (SMALL, LARGE):
        lib = library if not counts else LibraryFactory()
        if counts:
            # The second library needs its own staff with the same roles.
            users = {
                "werkgroep": make_staff(lib, Role.WERKGROEP, username="werkgroep2"),
                "trekker": make_staff(lib, Role.TREKKER, username="trekker2"),
                "mt": make_staff(lib, Role.MT, username="mt2"),
            }
        rnd = build(lib, users, year, years, respondents, prefix=f"lid{len(counts)}-")
        client.force_login(users["trekker"])
        client.get(url(page, rnd))
        counts.append(count_queries(client, url(page, rnd)))
    assert counts[0] == counts[1], counts
