from django.core.management.base import BaseCommand

from core.library import each_library, library_scope
from referrals.defaults import referral_options_create_defaults


class Command(BaseCommand):
    help = (
        "Zet de standaardlijsten voor verwijzingen klaar (aanbod en signalen) voor elke "
        "bibliotheek; bestaande items blijven staan. Beheer past ze daarna aan."
    )

    def handle(self, *args, **options):
        for library in each_library():
            with library_scope(library):
                offers, signals = referral_options_create_defaults(library=library)
            self.stdout.write(f"{library}: {offers} aanbod en {signals} signalen toegevoegd.")
