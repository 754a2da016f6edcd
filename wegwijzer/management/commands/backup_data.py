import gzip
import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.library import scopes_disabled

# Rebuilt by `migrate`, or not worth keeping: left out of a backup.
EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
]
# The admin log and the audit history (the historical tables of each app) are kept: who
# changed what must survive a restore.


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
        partial.unlink(missing_ok=True)
        # Readable by the owner only, from the first byte: the file holds password hashes and,
        # until the retention period ends, contact details.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        # A backup is of the whole installation, every library in it: dumpdata reads each
        # table across libraries on purpose.
        with (
            os.fdopen(descriptor, "wb") as raw,
            gzip.open(raw, "wt", encoding="utf-8") as stream,
            scopes_disabled(),
        ):
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
