"""Working days (Monday to Friday) for the referral deadlines.

Public holidays are not taken into account: a referral made before Easter Monday gets one
day less. Simple and predictable for the desk, and close enough for a 2-day target.
"""

import datetime

from django.utils import timezone


def add_working_days(moment: datetime.datetime, days: int) -> datetime.datetime:
    """The same time of day `days` working days later, in local time.

    Friday 15:00 plus 2 working days is Tuesday 15:00; Saturday 10:00 plus 2 is Tuesday 10:00.
    """
    result = timezone.localtime(moment)
    added = 0
    while added < days:
        result += datetime.timedelta(days=1)
        if result.weekday() < 5:
            added += 1
    return result
