import gzip
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Rebuilt by `migrate`, or not worth keeping: left out of a backup.
EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]


class Command(BaseCommand):
    help = (
        "Schrijft alle gegevens van Wegwijzer (bibliotheek, medewerkers, inhoud, voortgang, "
        "Quickscans, verwijzingen) naar één gecomprimeerd JSON-bestand. Terugzetten met "
        "restore_data. Werkt op SQLite en PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="bijvoorbeeld backups/wegwijzer-2026-11-21.json.gz")

    def handle(self, *args, path: str, **options):
        target = Path(path)
        if not target.parent.exists():
            raise CommandError(f"De map {target.parent} bestaat niet.")
        partial = target.with_name(target.name + ".tmp")
        with gzip.open(partial, "wt", encoding="utf-8") as stream:
            call_command(
                "dumpdata",
                exclude=EXCLUDE,
                natural_foreign=True,
                indent=None,
                stdout=stream,
            )
        # Only a complete backup gets the real name.
        partial.replace(target)
        self.stdout.write(self.style.SUCCESS(f"Back-up geschreven naar {target}."))
