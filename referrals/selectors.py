"""Reads for the referral log: lists and figures, aggregated in SQL."""

import datetime
import hashlib
import statistics
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Value
from django.db.models.functions import TruncDate, TruncMonth
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Branch, Department, Library
from core.numbers import percent
from core.roles import Role, has_role

from .filters import ReferralFilter
from .lifecycle import Party
from .models import (
    COMPLETION_OUTCOMES,
    OPEN_STATUSES,
    REACHED_OUTCOMES,
    Audience,
    Offer,
    Outcome,
    OutreachLocation,
    Referral,
    Status,
)
from .workdays import add_working_days

RECEIVED_WITHIN_WORKING_DAYS = 2


# Receivers ---------------------------------------------------------------------------


def _receiver_condition() -> Q:
    """An offer has a receiver: an active specialist (with the role) or an active partner."""
    specialist = Offer.specialists.through.objects.filter(
        offer=OuterRef("pk"),
        user__is_active=True,
        user__groups__name=Role.SPECIALIST.value,
    )
    return Q(Exists(specialist)) | Q(partner_contact__isnull=False, partner_contact__is_active=True)


def offers_with_receivers(*, library: Library) -> QuerySet:
    """The active offers a referral can go to: the only ones offered at the desk."""
    return Offer.objects.filter(_receiver_condition(), library=library, is_active=True)


def offers_without_receivers(*, library: Library) -> QuerySet:
    """Active offers nobody receives: beheer and the coordinator are warned about these."""
    return Offer.objects.filter(library=library, is_active=True).exclude(_receiver_condition())


def offer_has_receiver(*, offer: Offer) -> bool:
    return Offer.objects.filter(_receiver_condition(), pk=offer.pk).exists()


def parties_for(*, referral: Referral, user: AbstractBaseUser) -> frozenset[Party]:
    """How this staff member stands towards the referral (see lifecycle.py)."""
    parties = set()
    if referral.logged_by_id == user.pk:
        parties.add(Party.REFERRER)
    if has_role(user, Role.SPECIALIST) and any(
        specialist.pk == user.pk for specialist in referral.offer.specialists.all()
    ):
        parties.add(Party.RECEIVER)
    elif has_role(user, Role.TREKKER) and not offer_has_receiver(offer=referral.offer):
        # Never to nobody: while an offer has no receiver, the coordinator is its receiver.
        parties.add(Party.RECEIVER)
    return frozenset(parties)


# Lists -------------------------------------------------------------------------------


# Who may read which referral, decided here and nowhere else.
#
# - A row (list, detail, CSV): MT (oversight), specialists (receivers look across offers) and
#   the coordinator (trekker: receives what nobody else does, hands out partner links) read
#   all of the library's referrals. Everyone else, front office included, reads only the ones
#   they logged and where those were forwarded. Being in the workgroup adds nothing: the
#   workgroup reads figures, never rows.
# - The note and the contact details on top of a row: see may_read_note / may_read_contact.
ROW_READERS = (Role.MT, Role.SPECIALIST, Role.TREKKER)


def referrals_visible_to(*, library: Library, user: AbstractBaseUser) -> QuerySet:
    qs = Referral.objects.filter(library=library)
    if not has_role(user, *ROW_READERS):
        qs = qs.filter(Q(logged_by=user) | Q(root__logged_by=user))
    return qs


def may_read_contact(parties: frozenset[Party]) -> bool:
    """A parent's contact details: only for whoever follows the referral up (its receiver)."""
    return Party.RECEIVER in parties


def may_read_note(parties: frozenset[Party]) -> bool:
    """The note: its receiver, and the colleague who wrote it; not MT, not the workgroup."""
    return bool(parties & {Party.RECEIVER, Party.REFERRER})


def default_period() -> dict[str, str]:
    today = timezone.localdate()
    start = today.replace(day=1) - datetime.timedelta(days=335)
    return {"van": start.replace(day=1).isoformat(), "tot": today.isoformat()}


def referral_filter(
    *, data: QueryDict, library: Library, user: AbstractBaseUser, default_to_last_year: bool = False
) -> ReferralFilter:
    """The referrals `user` may read, filtered by `data` (the page's query string)."""
    data = data.copy()
    if default_to_last_year and not (data.get("van") or data.get("tot")):
        data.update(default_period())
    queryset = (
        referrals_visible_to(library=library, user=user)
        .select_related("offer", "branch", "outreach_location", "logged_by")
        .prefetch_related("signals")
    )
    return ReferralFilter(data, queryset=queryset, library=library)


def logged_today_count(*, library: Library, user) -> int:
    """How many referrals this person logged today (shown at the desk and on the home page)."""
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Referral.objects.filter(library=library, logged_by=user, referred_at__gte=start).count()


def _open_list(qs: QuerySet) -> QuerySet:
    return (
        qs.filter(status__in=OPEN_STATUSES)
        .select_related("offer", "branch", "outreach_location", "logged_by")
        .prefetch_related("signals")
        .order_by("follow_up_date", "referred_at")
    )


def incoming_for(*, library: Library, user) -> QuerySet:
    """Open referrals for the offers this specialist receives, oldest follow-up date first."""
    return _open_list(Referral.objects.filter(library=library, offer__specialists=user))


@dataclass
class IncomingSummary:
    first: list[Referral]
    count: int
    overdue: int


def incoming_summary(
    *, library: Library, user, today: datetime.date, first: int = 5
) -> IncomingSummary:
    """The specialist's home panel: the first open referrals, how many, how many late."""
    incoming = incoming_for(library=library, user=user)
    return IncomingSummary(
        first=list(incoming[:first]),
        count=incoming.count(),
        overdue=incoming.filter(follow_up_date__lt=today).count(),
    )


def coordinator_queue(*, library: Library) -> QuerySet:
    """Open referrals to offers that have lost their last receiver: the coordinator's."""
    return _open_list(
        Referral.objects.filter(
            library=library,
            offer__in=Offer.objects.filter(library=library).exclude(_receiver_condition()),
        )
    )


def referral_detail(*, library: Library, user: AbstractBaseUser, pk: int) -> Referral:
    return get_object_or_404(
        referrals_visible_to(library=library, user=user)
        .select_related(
            "offer",
            "offer__partner_contact",
            "branch",
            "outreach_location",
            "logged_by",
            "closed_by",
            "forwarded_from__offer",
            "forwarded_to__offer",
        )
        .prefetch_related("signals", "events__by", "events__by_partner", "offer__specialists"),
        pk=pk,
    )


def forward_targets(*, referral: Referral) -> QuerySet:
    return offers_with_receivers(library=referral.library).exclude(pk=referral.offer_id)


# Figures -----------------------------------------------------------------------------


def _share(part: int, whole: int) -> int:
    return percent(part, whole) or 0


def _median_days(durations: list[datetime.timedelta]) -> float | None:
    if not durations:
        return None
    return round(statistics.median(d.total_seconds() for d in durations) / 86400, 1)


@dataclass
class LoopRow:
    """The loop for one offer (or all of them) in a period."""

    label: str
    referred: int = 0
    received_in_time: int = 0
    waiting: int = 0  # verstuurd, not yet received
    in_progress: int = 0  # ontvangen or in behandeling
    completed: int = 0
    rejected: int = 0
    withdrawn: int = 0
    reached: int = 0
    per_outcome: dict[str, int] = field(default_factory=dict)
    days_to_received: float | None = None
    days_to_completed: float | None = None
    _to_received: list = field(default_factory=list, repr=False)
    _to_completed: list = field(default_factory=list, repr=False)

    def add(self, status, outcome, referred_at, received_at, closed_at) -> None:
        self.referred += 1
        if received_at is not None:
            self._to_received.append(received_at - referred_at)
            deadline = add_working_days(referred_at, RECEIVED_WITHIN_WORKING_DAYS)
            if received_at <= deadline:
                self.received_in_time += 1
        if status == Status.VERSTUURD:
            self.waiting += 1
        elif status in (Status.ONTVANGEN, Status.IN_BEHANDELING):
            self.in_progress += 1
        elif status == Status.AFGEROND:
            self.completed += 1
            self.per_outcome[outcome] = self.per_outcome.get(outcome, 0) + 1
            self.reached += outcome in REACHED_OUTCOMES
            if closed_at is not None:
                self._to_completed.append(closed_at - referred_at)
        elif status == Status.AFGEWEZEN:
            self.rejected += 1
        elif status == Status.INGETROKKEN:
            self.withdrawn += 1

    def finish(self) -> "LoopRow":
        self.days_to_received = _median_days(self._to_received)
        self.days_to_completed = _median_days(self._to_completed)
        self._to_received, self._to_completed = [], []
        return self

    @property
    def received_in_time_share(self) -> int:
        return _share(self.received_in_time, self.referred)

    @property
    def arrived_share(self) -> int:
        """Arrived or started, of the referrals that were not withdrawn."""
        return _share(self.reached, self.referred - self.withdrawn)

    def outcome_counts(self) -> list[int]:
        return [self.per_outcome.get(value, 0) for value, _label in COMPLETION_OUTCOMES]


@dataclass
class Figures:
    total: int = 0
    warm: int = 0
    reached: int = 0
    started: int = 0
    closed: int = 0
    open: int = 0
    overdue: int = 0
    forwarded: int = 0
    per_month: list[tuple[str, int]] = field(default_factory=list)
    per_offer: list[tuple[str, int]] = field(default_factory=list)
    per_place: list[tuple[str, int]] = field(default_factory=list)
    per_staff: list[tuple[str, int]] = field(default_factory=list)
    per_outcome: list[tuple[str, int]] = field(default_factory=list)
    matrix_columns: list[str] = field(default_factory=list)
    matrix_rows: list[tuple[str, list[int], int]] = field(default_factory=list)
    loop_rows: list[LoopRow] = field(default_factory=list)
    loop_total: LoopRow | None = None
    outcome_columns: list[str] = field(default_factory=list)

    @property
    def warm_share(self) -> int:
        return _share(self.warm, self.total)

    @property
    def reached_share(self) -> int:
        return _share(self.reached, self.total)

    @property
    def started_share(self) -> int:
        return _share(self.started, self.total)


MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def families(queryset: QuerySet) -> QuerySet:
    """One referral per chain: a forwarded referral lives on in the next one of its chain."""
    return queryset.exclude(outcome=Outcome.FORWARDED)


def summary(queryset: QuerySet) -> Figures:
    """The key figures only, in one aggregate query (also for the home page)."""
    today = timezone.localdate()
    totals = queryset.order_by().aggregate(
        all=Count("pk"),
        forwarded=Count("pk", filter=Q(outcome=Outcome.FORWARDED)),
        warm=Count("pk", filter=Q(is_warm=True) & ~Q(outcome=Outcome.FORWARDED)),
        reached=Count("pk", filter=Q(status=Status.AFGEROND, outcome__in=REACHED_OUTCOMES)),
        started=Count("pk", filter=Q(status=Status.AFGEROND, outcome=Outcome.STARTED)),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, follow_up_date__lt=today)),
    )
    total = totals.pop("all") - totals["forwarded"]
    result = Figures(total=total, **totals)
    result.closed = result.total - result.open
    return result


def summary_last_year(*, library: Library) -> Figures:
    """The key figures of the library's referrals of the last 365 days (home page)."""
    since = timezone.now() - datetime.timedelta(days=365)
    return summary(Referral.objects.filter(library=library, referred_at__gte=since))


def _loop(base: QuerySet) -> tuple[list[LoopRow], LoopRow]:
    """The loop per offer. Durations and working days are counted here, in Python, from
    one narrow query: SQLite and PostgreSQL have no common median or working-day function,
    and a year even at a big library is a few tens of thousands of short rows."""
    rows: dict[str, LoopRow] = {}
    total = LoopRow(label=str(_("Alle aanbod")))
    for name, status, outcome, referred_at, received_at, closed_at in base.values_list(
        "offer__name", "status", "outcome", "referred_at", "received_at", "closed_at"
    ).iterator(chunk_size=5000):
        row = rows.get(name)
        if row is None:
            row = rows[name] = LoopRow(label=name)
        row.add(status, outcome, referred_at, received_at, closed_at)
        total.add(status, outcome, referred_at, received_at, closed_at)
    ordered = sorted(rows.values(), key=lambda r: (-r.referred, r.label))
    return [row.finish() for row in ordered], total.finish()


def figures(queryset: QuerySet, *, include_staff: bool = True) -> Figures:
    """Every figure in a handful of aggregate queries, however many referrals there are."""
    result = summary(queryset)
    base = families(queryset.order_by())

    months = (
        base.annotate(month=TruncMonth("referred_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    result.per_month = [
        (f"{MONTHS[row['month'].month - 1]} {row['month'].year}", row["n"]) for row in months
    ]
    result.per_offer = [
        (row["offer__name"], row["n"])
        for row in base.values("offer__name").annotate(n=Count("pk")).order_by("-n", "offer__name")
    ]
    places = (
        base.values("branch__name", "outreach_location__name")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    result.per_place = [
        (
            row["branch__name"]
            or _("{place} (buiten de bibliotheek)").format(place=row["outreach_location__name"]),
            row["n"],
        )
        for row in places
    ]
    if include_staff:
        staff = (
            base.values("logged_by__first_name", "logged_by__last_name", "logged_by__username")
            .annotate(n=Count("pk"))
            .order_by("-n")
        )
        result.per_staff = [
            (
                " ".join(filter(None, [row["logged_by__first_name"], row["logged_by__last_name"]]))
                or row["logged_by__username"]
                or str(_("onbekend")),
                row["n"],
            )
            for row in staff
        ]
    status_labels = dict(Status.choices)
    outcome_labels = dict(Outcome.choices)
    result.per_outcome = [
        (
            str(outcome_labels[row["outcome"]])
            if row["outcome"]
            else str(status_labels[row["status"]]),
            row["n"],
        )
        for row in base.values("status", "outcome").annotate(n=Count("pk")).order_by("status")
    ]

    # From which department to which kind of offer: the integrated approach in one table.
    columns = [value for value, _label in Offer.DEPARTMENTS]
    cells: dict[tuple[str, str], int] = {}
    for row in base.values("from_department", "offer__department").annotate(n=Count("pk")):
        cells[(row["from_department"], row["offer__department"])] = row["n"]
    department_labels = dict(Department.choices)
    result.matrix_columns = [str(department_labels[c]) for c in columns]
    for source, label in Department.choices:
        counts = [cells.get((source, target), 0) for target in columns]
        if any(counts):
            result.matrix_rows.append((str(label), counts, sum(counts)))

    result.loop_rows, result.loop_total = _loop(base)
    result.outcome_columns = [str(label) for _value, label in COMPLETION_OUTCOMES]
    return result


FIGURES_CACHE_SECONDS = 3600


def _names_fingerprint(library: Library) -> str:
    """Offer and place names appear in the cached figures: a rename must show at once."""
    names = (
        Offer.objects.filter(library=library)
        .annotate(kind=Value("o"))
        .values_list("kind", "pk", "name")
        .order_by()
        .union(
            Branch.objects.filter(library=library)
            .annotate(kind=Value("b"))
            .values_list("kind", "pk", "name")
            .order_by(),
            OutreachLocation.objects.filter(library=library)
            .annotate(kind=Value("l"))
            .values_list("kind", "pk", "name")
            .order_by(),
            all=True,
        )
    )
    return hashlib.sha256(repr(sorted(names)).encode()).hexdigest()[:16]


def figures_cached(
    queryset: QuerySet, *, library: Library, key: str, scope: str, include_staff: bool
) -> Figures:
    """figures(), remembered until any of the library's referrals (or names) changes.

    Measured: the figures of a year at a big library take 150–370 ms to aggregate, and MT
    and specialists open the same view again and again. The cache key carries the library,
    the scope the viewer may see, whether staff names are included, the library's latest
    change (and its count, for deletions) and a fingerprint of the offer and place names, so
    a new or closed referral or a renamed offer shows at once, in every worker, without
    anyone having to clear anything.
    """
    marker = Referral.objects.filter(library=library).aggregate(
        changed=Max("updated_at"), count=Count("pk")
    )
    changed = marker["changed"].timestamp() if marker["changed"] else 0
    digest = hashlib.sha256(f"{scope}|{include_staff}|{key}".encode()).hexdigest()[:24]
    cache_key = (
        f"referral-figures:{library.pk}:{changed}:{marker['count']}:"
        f"{_names_fingerprint(library)}:{timezone.localdate().isoformat()}:{digest}"
    )
    result = cache.get(cache_key)
    if result is None:
        result = figures(queryset, include_staff=include_staff)
        cache.set(cache_key, result, FIGURES_CACHE_SECONDS)
    return result


@dataclass
class Breakdown:
    """Referrals per audience and per signal, a signal split into asked and noticed (latent)."""

    total: int = 0
    latent: int = 0
    per_audience: list[tuple[str, int]] = field(default_factory=list)
    # (signal, asked by the visitor, noticed by staff, together)
    per_signal: list[tuple[str, int, int, int]] = field(default_factory=list)


def breakdown(queryset: QuerySet) -> Breakdown:
    """For the figures and the report: who was referred, and on which signals; two queries.
    A forwarded chain counts once, as everywhere in the figures."""
    base = families(queryset.order_by())
    labels = dict(Audience.choices)
    audiences = (
        base.values("audience")
        .annotate(n=Count("pk"), latent=Count("pk", filter=Q(is_latent=True)))
        .order_by("-n", "audience")
    )
    result = Breakdown()
    for row in audiences:
        result.per_audience.append((str(labels.get(row["audience"], row["audience"])), row["n"]))
        result.total += row["n"]
        result.latent += row["latent"]
    signals = (
        base.filter(signals__isnull=False)
        .values("signals__name")
        .annotate(
            asked=Count("pk", filter=Q(is_latent=False)),
            latent=Count("pk", filter=Q(is_latent=True)),
        )
        .order_by("signals__name")
    )
    rows = [
        (row["signals__name"], row["asked"], row["latent"], row["asked"] + row["latent"])
        for row in signals
    ]
    result.per_signal = sorted(rows, key=lambda row: (-row[3], row[0]))
    return result


def counts_by_logger_and_day(
    *, library: Library, since: datetime.date
) -> list[tuple[datetime.date, int | None, int]]:
    """(day, who logged, how many) for the library's referrals from `since`, one per chain.

    Other figures (such as referrals from colleagues with and without the front-office
    course) group these without this app knowing about them."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    rows = (
        families(Referral.objects.filter(library=library, referred_at__gte=start).order_by())
        .annotate(day=TruncDate("referred_at"))
        .values_list("day", "logged_by_id")
        .annotate(n=Count("pk"))
    )
    return list(rows)
