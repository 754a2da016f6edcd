import gzip
import json
import tempfile
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.database import analyze
from core.library import scopes_disabled


class Command(BaseCommand):
    help = (
        "Zet een back-up van backup_data terug. Alles wat nu in de database staat, wordt "
        "eerst gewist; lukt het terugzetten niet, dan blijft de database zoals hij was."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--yes", action="store_true", help="Niet vragen: de huidige gegevens mogen weg."
        )

    def handle(self, *args, path: str, yes: bool = False, **options):
        source = Path(path)
        if not source.exists():
            raise CommandError(f"{source} bestaat niet.")
        try:
            with gzip.open(source, "rt", encoding="utf-8") as stream:
                data = json.load(stream)
        except EOFError as exc:
            raise CommandError(
                f"{source} is afgebroken (onvolledig gekopieerd of de schijf was vol): het "
                "bestand houdt midden in de back-up op. Er is niets veranderd; neem een "
                "volledige kopie of een andere back-up."
            ) from exc
        except (OSError, ValueError) as exc:
            raise CommandError(f"{source} is geen leesbare back-up: {exc}") from exc
        if not isinstance(data, list):
            raise CommandError(f"{source} is geen back-up van backup_data.")
        if not yes:
            answer = input("Alle huidige gegevens worden vervangen. Doorgaan? [ja/nee] ")
            if answer.strip().lower() not in {"ja", "j", "yes", "y"}:
                raise CommandError("Afgebroken; er is niets veranderd.")
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as plain:
            json.dump(data, plain)
            plain.flush()
            # A restore replaces the whole installation, every library in it.
            with transaction.atomic(), scopes_disabled():
                call_command("flush", interactive=False, verbosity=0)
                # flush recreates content types, permissions and the role groups; the
                # groups come back from the backup with their own keys.
                Group.objects.all().delete()
                call_command("loaddata", plain.name, verbosity=0)
                # An older backup still holds personal data whose retention period has
                # ended since; it goes again before anyone can see it.
                call_command("erase_referral_personal_data", verbosity=0, stdout=self.stdout)
        # Every table was just refilled: without fresh statistics PostgreSQL plans the first
        # pages as if the tables were empty, until autovacuum comes round.
        analyze()
        self.stdout.write(self.style.SUCCESS(f"{len(data)} rijen teruggezet uit {source}."))
