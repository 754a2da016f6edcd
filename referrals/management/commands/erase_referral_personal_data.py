from django.conf import settings
from django.core.management.base import BaseCommand

from referrals.services import referral_erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Wist contactgegevens en notities van verwijzingen die ouder zijn dan de bewaartermijn "
        "(WEGWIJZER_REFERRAL_RETENTION_DAYS). De verwijzing en de cijfers blijven. Veilig om "
        "vaker te draaien; bedoeld om dagelijks te draaien (cron of systemd-timer)."
    )

    def handle(self, *args, **options):
        erased = referral_erase_expired_personal_data()
        days = settings.WEGWIJZER_REFERRAL_RETENTION_DAYS
        self.stdout.write(
            f"Bewaartermijn {days} dagen: persoonsgegevens gewist bij {erased} verwijzing(en)."
        )
