from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Laadt de inhoud (Wegwijzer, Quickscan-vragenlijst, keuzelijsten) uit de fixtures van "
        "de apps, maar alleen in een lege tabel: wat beheer al heeft aangepast, blijft staan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Laad ook als er al inhoud is; overschrijft rijen met dezelfde sleutel.",
        )

    def handle(self, *args, force: bool = False, **options):
        for model_label, fixture in settings.WEGWIJZER_CONTENT_FIXTURES:
            model = apps.get_model(model_label)
            if model.objects.exists() and not force:
                self.stdout.write(f"{fixture}: staat er al, overgeslagen.")
                continue
            call_command("loaddata", fixture, verbosity=0)
            self.stdout.write(self.style.SUCCESS(f"{fixture}: geladen."))
