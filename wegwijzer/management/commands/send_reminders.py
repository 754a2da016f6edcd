from django.core.management.base import BaseCommand
from django.utils import timezone

from core.library import each_library, library_scope
from notifications import services
from wegwijzer.app_modules import domain_app_modules


class Command(BaseCommand):
    help = (
        "Stuurt de herinneringen van vandaag (elke app levert ze via <app>/reminders.py) en de "
        "dagelijkse overzichten. Veilig om vaker per dag te draaien: wat al verstuurd is, gaat "
        "niet nog eens."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        total = 0
        digests = 0
        # Library by library, each inside its own scope: a reminder is built from one
        # library's rows and goes to that library's staff only.
        for library in each_library():
            with library_scope(library):
                # Each app may have <app>/reminders.py with send_reminders(*, today) -> int.
                for app, module in domain_app_modules("reminders"):
                    count = module.send_reminders(today=today)
                    total += count
                    self.stdout.write(f"{library} – {app}: {count} herinneringen")
                digests += services.digests_enqueue()
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} herinneringen, {digests} dagelijkse overzichten klaargezet"
            )
        )
