from django.core.management.base import BaseCommand
from django.utils import timezone

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
        # Each app may have <app>/reminders.py with send_reminders(*, today) -> int.
        for app, module in domain_app_modules("reminders"):
            count = module.send_reminders(today=today)
            total += count
            self.stdout.write(f"{app}: {count} herinneringen")
        digests = services.digests_enqueue()
        self.stdout.write(
            self.style.SUCCESS(
                f"{total} herinneringen, {digests} dagelijkse overzichten klaargezet"
            )
        )
