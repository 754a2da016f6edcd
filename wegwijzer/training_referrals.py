"""Referrals per month from colleagues with and without the front-office course.

The referral log and the course are separate apps that never import each other; the project
layer sits above both and puts their figures side by side. Only counts: no colleague is
named or ranked.
"""

import datetime
from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.http import AuthenticatedHttpRequest
from core.models import Library
from core.roles import Role, role_required
from referrals import selectors as referral_selectors
from training import selectors as training_selectors

MONTHS_SHOWN = 12
READERS = (Role.SPECIALIST, Role.MT, Role.WERKGROEP)


@dataclass(frozen=True)
class MonthLine:
    month: datetime.date  # the first day
    trained: int
    not_trained: int

    @property
    def total(self) -> int:
        return self.trained + self.not_trained


def _first_of_month(day: datetime.date, back: int = 0) -> datetime.date:
    index = day.year * 12 + day.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def referrals_by_training(*, library: Library, today: datetime.date) -> list[MonthLine]:
    """The last twelve months, oldest first. A referral counts as from a trained colleague
    when they had earned the certificate (their group had ended) on the day of referring."""
    start = _first_of_month(today, MONTHS_SHOWN - 1)
    certified = training_selectors.certified_since(library=library)
    counts: dict[datetime.date, list[int]] = {
        _first_of_month(today, back): [0, 0] for back in range(MONTHS_SHOWN - 1, -1, -1)
    }
    for day, user_id, n in referral_selectors.counts_by_logger_and_day(
        library=library, since=start
    ):
        since = certified.get(user_id) if user_id is not None else None
        trained = since is not None and since <= day
        counts.setdefault(_first_of_month(day), [0, 0])[0 if trained else 1] += n
    return [MonthLine(month, t, u) for month, (t, u) in sorted(counts.items())]


@require_GET
@role_required(*READERS)
def training_referrals(request: AuthenticatedHttpRequest) -> HttpResponse:
    lines = referrals_by_training(library=request.library, today=timezone.localdate())
    return render(
        request,
        "training_referrals.html",
        {
            "lines": lines,
            "trained": sum(line.trained for line in lines),
            "not_trained": sum(line.not_trained for line in lines),
        },
    )
