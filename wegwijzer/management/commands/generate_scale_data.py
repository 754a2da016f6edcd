import random
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import scale
from core.database import analyze
from core.library import library_scope
from notifications.services import silenced
from wegwijzer.app_modules import domain_app_modules


class Command(BaseCommand):
    help = (
        "Maakt een grote bibliotheek voor benchmarks: 10 vestigingen, 60 medewerkers, "
        "100.000 × factor verwijzingen over 5 jaar, 10 Quickscan-rondes met 8 respondenten en "
        "Wegwijzer-cycli met volledige voortgang en geschiedenis. Deterministisch (--seed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="1.0 = 100.000 verwijzingen")
        parser.add_argument("--seed", type=int, default=20261121)
        parser.add_argument("--password", default="benchmark-wachtwoord")

    def handle(self, *args, factor: float, seed: int, password: str, **options):
        if factor <= 0:
            raise CommandError("--factor moet groter dan 0 zijn.")
        call_command("load_content", stdout=self.stdout)
        rng = random.Random(seed)
        started = time.monotonic()
        with transaction.atomic():
            library, people = scale.generate(rng=rng, password=password)
        for app, module in domain_app_modules("scale"):
            with transaction.atomic(), silenced(), library_scope(library):
                count = module.generate(library=library, people=people, rng=rng, factor=factor)
            self.stdout.write(f"{app}: {count} rijen")
        if analyze():
            self.stdout.write("Statistieken voor de queryplanner bijgewerkt (ANALYZE).")
        self.stdout.write(
            self.style.SUCCESS(
                f"{library}: klaar in {time.monotonic() - started:.0f} s (factor {factor})."
            )
        )
