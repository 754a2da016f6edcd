from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from core.demo import DEMO_USERS, demo_library_create
from core.library import library_scope
from notifications.services import silenced
from wegwijzer.app_modules import domain_app_modules


class Command(BaseCommand):
    help = (
        "Maakt een demobibliotheek met vestigingen, een gebruiker per rol en voorbeelddata. "
        "Alleen met DEBUG aan; bestaande gegevens blijven staan."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "setup_demo draait alleen met DJANGO_DEBUG=1: demo-accounts met een bekend "
                "wachtwoord horen niet in productie."
            )
        call_command("load_content", stdout=self.stdout)
        password = settings.WEGWIJZER_DEMO_PASSWORD
        library, created = demo_library_create(password=password)
        # Each app may bring its own demo data in <app>/demo.py: load_demo(library=...),
        # inside that library's scope. Made-up history is nobody's news: no notifications.
        with library_scope(library), silenced():
            for _app, module in domain_app_modules("demo"):
                module.load_demo(library=library)

        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demobibliotheek: {library.name}"))
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {password}):")
        for spec in DEMO_USERS:
            roles = ", ".join(role.value for role in spec.roles)
            note = " (nieuw)" if spec.username in created else ""
            self.stdout.write(f"  {spec.username:<12} rollen: {roles}{note}")
        self.stdout.write("Start de server en meld je aan met een van deze accounts.")
