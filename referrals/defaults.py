"""The standard lists a library starts with; beheer changes them in the admin."""

from django.db import transaction

from core.models import Department, Library

from .models import Offer, Signal

DEFAULT_OFFERS = [
    ("Taalhuis", Department.BASISVAARDIGHEDEN),
    ("Digitale vaardigheden / IDO-spreekuur", Department.BASISVAARDIGHEDEN),
    ("BoekStart", Department.JEUGD_EDUCATIE),
    ("Jeugdafdeling", Department.JEUGD_EDUCATIE),
    ("VoorleesExpress", Department.JEUGD_EDUCATIE),
    ("Consultatiebureau", Department.EXTERN),
    ("Welzijn / sociaal wijkteam", Department.EXTERN),
    # Programmes the seeds name; a library that does not offer one switches it off (actief).
    ("Taalspreekuur", Department.BASISVAARDIGHEDEN),
    ("Voor jou en je kind!", Department.BASISVAARDIGHEDEN),
    ("BoekStartcoach", Department.JEUGD_EDUCATIE),
    ("digiTaalhuis", Department.BASISVAARDIGHEDEN),
]

DEFAULT_SIGNALS = [
    "Taalvraag",
    "Leesvraag",
    "Digitale vraag",
    "Voorlezen / opvoeding",
    "Formulieren / geldzaken",
    "Schoolkeuze of huiswerk",
    "Schrijfvraag",
    "Rekenvraag",
]


@transaction.atomic
def referral_options_create_defaults(*, library: Library) -> tuple[int, int]:
    """Add the standard offers and signals the library does not have yet."""
    offers = signals = 0
    for order, (name, department) in enumerate(DEFAULT_OFFERS):
        _offer, created = Offer.objects.get_or_create(
            library=library, name=name, defaults={"department": department, "order": order}
        )
        offers += created
    for order, name in enumerate(DEFAULT_SIGNALS):
        _signal, created = Signal.objects.get_or_create(
            library=library, name=name, defaults={"order": order}
        )
        signals += created
    return offers, signals
