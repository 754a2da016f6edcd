"""Reads for the Quickscan: keyword arguments in, querysets or dataclasses out.

Every function here runs a fixed number of queries, however many years, items and
respondents a library has: rows are fetched per kind in one go and combined in Python by
`results` (one round), `comparison` (year over year) and `scoring` (the rules).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.models import Library
from core.roles import Role, active_staff, users_with_role

from .comparison import Comparison, build_comparison
from .models import Respondent, Response, Round, RoundEvent, RoundItem, RoundStatus, Section
from .results import AnswerSection, RoundResults, build_answer_sections, build_results

QUESTIONNAIRE_ORDER = ("section__order", "section_id", "order", "pk")


def _label_themes(round_items: Iterable[RoundItem]) -> None:
    """Give each item the title of the Wegwijzer chapter its link goes to (1 query).

    Chapter titles come from the sections (one per chapter, keyed by its slug), so this app
    does not read the Wegwijzer's tables."""
    titles = dict(Section.objects.values_list("key", "title"))
    for ri in round_items:
        ri.item.theme_title = titles.get(ri.item.theme_slug, ri.item.theme_slug)


# ---------------------------------------------------------------------------------------
# One round


def round_respondents(*, rnd: Round) -> list[Respondent]:
    return list(
        Respondent.objects.filter(round=rnd)
        .select_related("user__profile")
        .order_by("user__first_name", "user__last_name", "user__username")
    )


def respondent_of(*, rnd: Round, user: AbstractBaseUser) -> Respondent | None:
    """The user's invitation to the round, if any."""
    return Respondent.objects.filter(round=rnd, user=user).first()


def answered_counts(*, rnd: Round) -> dict[int, int]:
    """Per respondent of the round: how many items they answered so far (1 query)."""
    return dict(
        Response.objects.filter(respondent__round=rnd)
        .exclude(answer="")
        .values("respondent")
        .annotate(n=Count("pk"))
        .values_list("respondent", "n")
    )


def round_events(*, rnd: Round) -> QuerySet:
    return RoundEvent.objects.filter(round=rnd).select_related("user")


def round_results(*, rnd: Round) -> RoundResults:
    """Everything about one round: agreed answers, every individual answer (4 queries)."""
    round_items = list(
        RoundItem.objects.filter(round=rnd)
        .select_related("item", "section", "action_owner", "agreed_by")
        .order_by(*QUESTIONNAIRE_ORDER)
    )
    responses = {
        (r.respondent_id, r.round_item_id): r
        for r in Response.objects.filter(respondent__round=rnd)
    }
    results = build_results(
        rnd=rnd,
        round_items=round_items,
        respondents=round_respondents(rnd=rnd),
        responses=responses,
    )
    _label_themes(round_items)
    return results


def my_answers(*, respondent: Respondent) -> list[AnswerSection]:
    """The items of the round with the respondent's own answers (3 queries)."""
    mine = {r.round_item_id: r for r in Response.objects.filter(respondent=respondent)}
    round_items = list(
        RoundItem.objects.filter(round_id=respondent.round_id)
        .select_related("item", "section")
        .order_by(*QUESTIONNAIRE_ORDER)
    )
    _label_themes(round_items)
    return build_answer_sections(round_items, mine)


# ---------------------------------------------------------------------------------------
# Year over year


def comparison(*, rnd: Round, max_years: int | None = None) -> Comparison:
    """This round against every earlier round of the library (3 queries, any number of years)."""
    rounds = sorted(
        Round.objects.filter(library_id=rnd.library_id, year__lte=rnd.year), key=lambda r: r.year
    )
    if max_years:
        rounds = rounds[-max_years:]
    round_items = list(
        RoundItem.objects.filter(round__in=[r.pk for r in rounds])
        .select_related("item", "section", "action_owner")
        .order_by("round__year", *QUESTIONNAIRE_ORDER)
    )
    result = build_comparison(rnd=rnd, rounds=rounds, round_items=round_items)
    _label_themes(round_items)
    return result


# ---------------------------------------------------------------------------------------
# The library's rounds


def rounds_overview(*, library: Library) -> QuerySet:
    """The library's rounds, newest first, with their counts (1 query)."""

    def count(model, filters: Q | None = None) -> Coalesce:
        return Coalesce(
            Subquery(
                model.objects.filter(filters or Q(), round=OuterRef("pk"))
                .values("round")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            0,
        )

    return Round.objects.filter(library=library).annotate(
        item_count=count(RoundItem),
        agreed_count=count(RoundItem, ~Q(agreed="")),
        respondent_count=count(Respondent),
        submitted_count=count(Respondent, Q(submitted_at__isnull=False)),
    )


def round_counts(*, rnd: Round) -> Round:
    """The round with the counts of `rounds_overview` (1 query)."""
    return rounds_overview(library=rnd.library_id).get(pk=rnd.pk)


@dataclass
class QuickscanOverview:
    """What the Quickscan's home page and panels show: the rounds, the running one and the
    latest outcome with its comparison."""

    rounds: list[Round]  # newest first; each with `.me`, the user's invitation or None
    current: Round | None
    latest_closed: Round | None
    summary: Comparison | None

    @property
    def me(self) -> Respondent | None:
        """The user's invitation to the running round."""
        return self.current.me if self.current else None


def quickscan_overview(
    *, library: Library, user: AbstractBaseUser, limit: int | None = None
) -> QuickscanOverview:
    rounds = list(rounds_overview(library=library)[:limit])
    mine = {
        r.round_id: r
        for r in Respondent.objects.filter(user=user, round__in=[rnd.pk for rnd in rounds])
    }
    for rnd in rounds:
        rnd.me = mine.get(rnd.pk)
    current = next((r for r in rounds if r.is_open), None)
    latest_closed = next((r for r in rounds if not r.is_open), None)
    return QuickscanOverview(
        rounds=rounds,
        current=current,
        latest_closed=latest_closed,
        summary=comparison(rnd=latest_closed) if latest_closed else None,
    )


def library_rounds(*, library: Library) -> QuerySet:
    return Round.objects.filter(library=library)


def latest_round(*, library: Library, closed_only: bool = False) -> Round | None:
    rounds = library_rounds(library=library)
    if closed_only:
        rounds = rounds.filter(status=RoundStatus.CLOSED)
    return rounds.order_by("-year").first()


def first_free_year(*, library: Library, from_year: int) -> int:
    """The first year from `from_year` on without a round (to suggest for a new one)."""
    taken = set(library_rounds(library=library).values_list("year", flat=True))
    year = from_year
    while year in taken:
        year += 1
    return year


# ---------------------------------------------------------------------------------------
# People


def candidates(*, library: Library) -> QuerySet:
    """Who can be invited: the library's workgroup members and MT (the manager)."""
    return users_with_role(library=library, roles=[Role.WERKGROEP, Role.MT]).select_related(
        "profile"
    )


def uninvited_candidates(*, rnd: Round) -> QuerySet:
    """Candidates not invited to the round yet."""
    return candidates(library=rnd.library_id).exclude(quickscan_invitations__round=rnd)


def workgroup_member_ids(*, library: Library) -> set[int]:
    return set(
        users_with_role(library=library, roles=[Role.WERKGROEP]).values_list("pk", flat=True)
    )


def staff(*, library: Library) -> list:
    """Everyone who can own an action: the library's active staff (1 query)."""
    return list(active_staff(library=library).select_related("profile"))


# ---------------------------------------------------------------------------------------
# Actions


def my_actions(*, user, library: Library) -> QuerySet:
    """The agreed actions someone owns, in every round: open ones first, earliest due first."""
    return (
        RoundItem.objects.filter(round__library=library, action_owner=user)
        .exclude(action_what="")
        .select_related("round", "section", "action_done_by")
        .order_by(
            F("action_done_at").desc(nulls_first=True),
            F("action_due").asc(nulls_last=True),
            "pk",
        )
    )


def open_actions_before(*, rnd: Round) -> QuerySet:
    """Actions of the previous round still open: to look at when agreeing this year's."""
    previous_year = (
        Round.objects.filter(library_id=rnd.library_id, year__lt=rnd.year)
        .order_by("-year")
        .values("year")[:1]
    )
    return (
        RoundItem.objects.filter(
            round__library_id=rnd.library_id,
            round__year=Subquery(previous_year),
            action_done_at__isnull=True,
        )
        .exclude(action_what="")
        .select_related("round", "action_owner")
        .order_by(F("action_due").asc(nulls_last=True), "pk")
    )
