from django.core.management.base import BaseCommand

from core.library import each_library, library_scope
from referrals.services import referral_erase_expired_personal_data


class Command(BaseCommand):
    help = (
        "Wist contactgegevens en notities van verwijzingen die ouder zijn dan de bewaartermijn "
        "(per bibliotheek in te stellen door beheer, anders WEGWIJZER_REFERRAL_RETENTION_DAYS). "
        "De verwijzing en de cijfers blijven. Veilig om "
        "vaker te draaien; bedoeld om dagelijks te draaien (cron of systemd-timer)."
    )

    def handle(self, *args, **options):
        erased = 0
        # Library by library, each inside its own scope and with its own retention period.
        for library in each_library():
            with library_scope(library):
                erased += referral_erase_expired_personal_data()
        self.stdout.write(f"Persoonsgegevens gewist bij {erased} verwijzing(en).")
