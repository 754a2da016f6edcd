from django.core.management.base import BaseCommand, CommandError

from core.models import Library


class Command(BaseCommand):
    help = (
        "Maakt de bibliotheek van deze installatie aan, als er nog geen is. Daarna past beheer "
        "naam en vestigingen aan in het beheergedeelte."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="De naam van de bibliotheek.")

    def handle(self, *args, name: str, **options):
        name = name.strip()
        if not name:
            raise CommandError("Geef de naam van de bibliotheek.")
        existing = Library.objects.order_by("pk").first()
        if existing is not None:
            self.stdout.write(f"Er is al een bibliotheek: {existing.name}. Niets gewijzigd.")
            return
        library = Library(name=name)
        library.full_clean()
        library.save()
        self.stdout.write(self.style.SUCCESS(f"Bibliotheek {library.name} aangemaakt."))
