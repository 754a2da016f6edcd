"""Give every step of the Wegwijzer its short title (issue 16), where the title is still empty.

Lists, "Mijn stappen", the dossier and notifications name a step by its title. A title that
beheer already filled in is a library's own choice and stays. The titles are written out here
and not read from fixtures/, because the fixture keeps changing after this migration; a fresh
database has no content yet at this point and `load_content` then loads the fixture, titles
included.

Before the first change to a step that has no history yet, its state so far is kept as a
baseline row, so that a closed cycle can still show the step as it was (see themes.history).
"""

from django.db import migrations
from django.utils import timezone

REASON = "Inhoud bijgewerkt: korte titels bij de stappen (issue 16)"
# The same text as themes.history.BASELINE_REASON; written out because migrations must not
# change meaning when the app code does.
BASELINE_REASON = "Beginstand vóór de eerste wijziging"

# ((theme slug, phase kind, step number), title)
TITLES = [
    (
        ("gezinsaanpak-algemeen", "orientatie", 1),
        "Directie en MT laten kennismaken met de gezinsaanpak",
    ),
    (("gezinsaanpak-algemeen", "orientatie", 2), "De hele organisatie erbij betrekken"),
    (("gezinsaanpak-algemeen", "orientatie", 3), "Gemeente en stakeholders overtuigen"),
    (("gezinsaanpak-algemeen", "orientatie", 4), "Samenwerkingspartners vroeg aan boord halen"),
    (("gezinsaanpak-algemeen", "creatie", 1), "Trekker en brede werkgroep aanwijzen"),
    (("gezinsaanpak-algemeen", "creatie", 2), "Met de Quickscan de beginsituatie bepalen"),
    (("gezinsaanpak-algemeen", "creatie", 3), "Met de Praatplaat het aanbod verkennen"),
    (("gezinsaanpak-algemeen", "creatie", 4), "Samen een actieplan opstellen"),
    (("gezinsaanpak-algemeen", "implementatie", 1), "Publieksservice als eerste laten trainen"),
    (
        ("gezinsaanpak-algemeen", "implementatie", 2),
        "Bestaande activiteiten voor gezinnen versterken",
    ),
    (("gezinsaanpak-algemeen", "implementatie", 3), "Inspiratie opdoen bij andere bibliotheken"),
    (("gezinsaanpak-algemeen", "implementatie", 4), "Kleine stappen zetten en successen vieren"),
    (("gezinsaanpak-algemeen", "implementatie", 5), "Werkprocessen van de gezinsaanpak inrichten"),
    (("gezinsaanpak-algemeen", "implementatie", 6), "Partners en stakeholders op de hoogte houden"),
    (("gezinsaanpak-algemeen", "evaluatie", 1), "Jaarlijks de Quickscan herhalen en vergelijken"),
    (("gezinsaanpak-algemeen", "evaluatie", 2), "Werkprocessen nalopen en bijstellen"),
    (("gezinsaanpak-algemeen", "evaluatie", 3), "Verbeterpunten voor volgend jaar afspreken"),
    (
        ("gezinsaanpak-algemeen", "evaluatie", 4),
        "De gezinsaanpak blijvend in het beleid verankeren",
    ),
    (("doelgroepgericht-werken", "orientatie", 1), "Je verdiepen in doelgroepgericht werken"),
    (
        ("doelgroepgericht-werken", "orientatie", 2),
        "De bevolking van je werkgebied in kaart brengen",
    ),
    (("doelgroepgericht-werken", "orientatie", 3), "Focusdoelgroep en focuslocatie kiezen"),
    (("doelgroepgericht-werken", "creatie", 1), "Een persona van de focusdoelgroep maken"),
    (("doelgroepgericht-werken", "creatie", 2), "SMART-doelen voor de doelgroep vaststellen"),
    (("doelgroepgericht-werken", "creatie", 3), "Passend aanbod voor de doelgroep kiezen"),
    (("doelgroepgericht-werken", "creatie", 4), "De keuzes intern en extern bekendmaken"),
    (("doelgroepgericht-werken", "implementatie", 1), "Het aanbod concreet maken en verankeren"),
    (("doelgroepgericht-werken", "implementatie", 2), "Een marketingplan voor de doelgroep maken"),
    (
        ("doelgroepgericht-werken", "implementatie", 3),
        "Afspraken maken over de rol van medewerkers",
    ),
    (("doelgroepgericht-werken", "evaluatie", 1), "Tijd nemen om te reflecteren en leren"),
    (("doelgroepgericht-werken", "evaluatie", 2), "Voortgang meten met KPI's"),
    (("doelgroepgericht-werken", "evaluatie", 3), "Ervaringen en verhalen verzamelen en delen"),
    (
        ("samenwerken-intern-en-extern", "orientatie", 1),
        "Intern samenwerken tussen de twee specialismen",
    ),
    (
        ("samenwerken-intern-en-extern", "orientatie", 2),
        "Jullie lokale verhaal over samenwerking schrijven",
    ),
    (
        ("samenwerken-intern-en-extern", "orientatie", 3),
        "De vijf aspecten van samenwerking meenemen",
    ),
    (
        ("samenwerken-intern-en-extern", "orientatie", 4),
        "Samenwerking een plek geven in het projectplan",
    ),
    (
        ("samenwerken-intern-en-extern", "orientatie", 5),
        "Een stakeholdersanalyse maken met het Woordweb",
    ),
    (
        ("samenwerken-intern-en-extern", "creatie", 1),
        "Mensen, geld en expertise voor samenwerking begroten",
    ),
    (("samenwerken-intern-en-extern", "creatie", 2), "Het verhaal aan het MT voorleggen"),
    (("samenwerken-intern-en-extern", "creatie", 3), "Collega's en partners het waarom laten zien"),
    (
        ("samenwerken-intern-en-extern", "creatie", 4),
        "Belangen van partners bespreken met een Krachtenanalyse",
    ),
    (("samenwerken-intern-en-extern", "creatie", 5), "Samen een gedeelde ambitie formuleren"),
    (
        ("samenwerken-intern-en-extern", "implementatie", 1),
        "Werkafspraken over de samenwerking vastleggen",
    ),
    (
        ("samenwerken-intern-en-extern", "implementatie", 2),
        "Doelen voor de samenwerking vastleggen",
    ),
    (
        ("samenwerken-intern-en-extern", "evaluatie", 1),
        "Regelmatig samen op de samenwerking terugkijken",
    ),
    (
        ("samenwerken-intern-en-extern", "evaluatie", 2),
        "De samenwerking evalueren met de samenwerkingsscan",
    ),
    (
        ("samenwerken-intern-en-extern", "evaluatie", 3),
        "Knelpunten in de samenwerking samen scoren",
    ),
    (
        ("samenwerken-intern-en-extern", "evaluatie", 4),
        "Leren van samenwerkingen die niet goed liepen",
    ),
    (
        ("programmering", "orientatie", 1),
        "Bestaande activiteiten in je eigen organisatie inventariseren",
    ),
    (("programmering", "orientatie", 2), "Aanhaken bij wat anderen in het werkgebied doen"),
    (("programmering", "orientatie", 3), "Bewezen landelijke programma's inzetten"),
    (("programmering", "creatie", 1), "De criteria voor kansrijke activiteiten bestuderen"),
    (("programmering", "creatie", 2), "Een duidelijke doelgroep en activiteit kiezen"),
    (("programmering", "creatie", 3), "De activiteit op één vaardigheid richten"),
    (("programmering", "creatie", 4), "Het aanbod afstemmen op wat ouders willen"),
    (("programmering", "creatie", 5), "Aandacht geven aan meertaligheid in gezinnen"),
    (("programmering", "creatie", 6), "Digitale middelen en tablets slim inzetten"),
    (("programmering", "creatie", 7), "Activiteiten houden waar ouders al komen"),
    (("programmering", "creatie", 8), "Je activiteit toetsen met de checklist"),
    (("programmering", "implementatie", 1), "Een uitgewerkt plan per activiteit maken"),
    (("programmering", "implementatie", 2), "Het plan met collega's en partners afstemmen"),
    (("programmering", "implementatie", 3), "Het aanbod intern en bij partners bekendmaken"),
    (("programmering", "implementatie", 4), "Deelnemers werven met hulp van partners"),
    (("programmering", "evaluatie", 1), "Het aanbod jaarlijks samen evalueren"),
    (("programmering", "evaluatie", 2), "Terugkijken met de checklist kansrijke activiteiten"),
    (("programmering", "evaluatie", 3), "Resultaten naast het meetplan leggen"),
    (("programmering", "evaluatie", 4), "Ervaringen van deelnemers en partners ophalen"),
    (("impactgericht-werken", "orientatie", 1), "Het doel van jullie gezinsaanpak vastleggen"),
    (
        ("impactgericht-werken", "orientatie", 2),
        "Aansluiten bij de strategische doelen van de bibliotheek",
    ),
    (
        ("impactgericht-werken", "orientatie", 3),
        "Aansluiten bij de maatschappelijke agenda van de gemeente",
    ),
    (
        ("impactgericht-werken", "creatie", 1),
        "Kennismaken met impactgericht werken en Theory of Change",
    ),
    (("impactgericht-werken", "creatie", 2), "De Theory of Change voor de gezinsaanpak doorlopen"),
    (("impactgericht-werken", "creatie", 3), "De Theory of Change naast eigen aanpak leggen"),
    (("impactgericht-werken", "creatie", 4), "De Theory of Change in één lijn oefenen"),
    (("impactgericht-werken", "implementatie", 1), "Eén effect kiezen om te toetsen"),
    (("impactgericht-werken", "implementatie", 2), "Een meetplan voor het effect opzetten"),
    (("impactgericht-werken", "evaluatie", 1), "Conclusies trekken uit de verzamelde gegevens"),
    (("impactgericht-werken", "evaluatie", 2), "De aangetoonde effecten met stakeholders delen"),
    (
        ("leren-en-ontwikkelen", "orientatie", 1),
        "Doelgroepen voor leren en ontwikkelen in kaart brengen",
    ),
    (("leren-en-ontwikkelen", "orientatie", 2), "Leerbehoeften in de eigen organisatie bepalen"),
    (("leren-en-ontwikkelen", "orientatie", 3), "Nagaan wat externe partners moeten kunnen"),
    (("leren-en-ontwikkelen", "orientatie", 4), "Het leertraject met HR inrichten"),
    (
        ("leren-en-ontwikkelen", "creatie", 1),
        "Leerbehoeften, leerdoelen en scholing per groep bepalen",
    ),
    (("leren-en-ontwikkelen", "creatie", 2), "Leerdoelen zo concreet mogelijk maken"),
    (("leren-en-ontwikkelen", "creatie", 3), "Je verdiepen in leerstijlen en werkvormen"),
    (("leren-en-ontwikkelen", "creatie", 4), "Het landelijke scholingsaanbod raadplegen"),
    (("leren-en-ontwikkelen", "creatie", 5), "Leertraject en begroting samenstellen"),
    (("leren-en-ontwikkelen", "creatie", 6), "Het leertraject aan het MT voorleggen"),
    (
        ("leren-en-ontwikkelen", "implementatie", 1),
        "Draagvlak bij medewerkers voor het leertraject",
    ),
    (
        ("leren-en-ontwikkelen", "implementatie", 2),
        "Bijhouden wat medewerkers in de praktijk leren",
    ),
    (("leren-en-ontwikkelen", "implementatie", 3), "Met HR het gewenste resultaat afspreken"),
    (("leren-en-ontwikkelen", "implementatie", 4), "Het leertraject starten en bijsturen"),
    (("leren-en-ontwikkelen", "implementatie", 5), "Verwachtingen uitspreken en meten"),
    (("leren-en-ontwikkelen", "implementatie", 6), "Leren in de praktijk stimuleren"),
    (("leren-en-ontwikkelen", "evaluatie", 1), "Het leertraject in de gesprekscyclus opnemen"),
    (("leren-en-ontwikkelen", "evaluatie", 2), "Het leerproces verder verbeteren"),
    (("leren-en-ontwikkelen", "evaluatie", 3), "Blijven leren na de training"),
    (("leren-en-ontwikkelen", "evaluatie", 4), "Het leertraject jaarlijks bijstellen"),
    (("leren-en-ontwikkelen", "evaluatie", 5), "Medewerkers naar hun ervaringen vragen"),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 1),
        "Het interne fundament toetsen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 2),
        "Het regionale plan tegen laaggeletterdheid lezen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 3),
        "De gemeente als stakeholder verkennen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 4),
        "Je voorbereiden op vragen van de gemeente",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 5),
        "Bepalen wie het gesprek met de gemeente voert",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 6),
        "Vooraf het doel van het gesprek bepalen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 7),
        "De rol van de bibliotheek kiezen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 8),
        "Samen met partners beleid ontwikkelen",
    ),
    (("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 1), "Een elevator pitch maken"),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 2),
        "Eén verhaal met ondersteunende middelen uitdragen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 3),
        "Een collectief geheugen in de organisatie opbouwen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 4),
        "Doelen van educatie, basisvaardigheden en marketing afstemmen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 5),
        "Belangrijke cijfers paraat hebben",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 6),
        "De Theory of Change gebruiken als onderbouwing",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 7),
        "Een communicatieplan voor de gemeente maken",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 1),
        "Een plan van aanpak opstellen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 2),
        "De gezinsaanpak een gezicht geven",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 3),
        "Partners in de gemeentelijke gezinsaanpak op een rij",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 4),
        "Netwerken van collega's benutten",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 5),
        "Bewijs en succesverhalen verzamelen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 6),
        "Relaties met gemeente en raad onderhouden",
    ),
    (("profilering-bij-gemeentelijke-gezinsaanpak", "evaluatie", 1), "Het plan van aanpak herzien"),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "evaluatie", 2),
        "Waardevolle contacten op een rij zetten",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "evaluatie", 3),
        "Moeizame samenwerkingen onderzoeken en verbeteren",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "evaluatie", 4),
        "Ondersteunende middelen nalopen en aanvullen",
    ),
    (
        ("profilering-bij-gemeentelijke-gezinsaanpak", "evaluatie", 5),
        "Vragen hoe gemeente en partners jullie zien",
    ),
]


def _historical_row(historical, step, *, history_type, reason, when):
    names = {f.attname for f in historical._meta.concrete_fields}
    values = {
        f.attname: getattr(step, f.attname)
        for f in step._meta.concrete_fields
        if f.attname in names
    }
    return historical(
        **values, history_date=when, history_type=history_type, history_change_reason=reason
    )


def fill_titles(apps, schema_editor):
    Step = apps.get_model("themes", "Step")
    HistoricalStep = apps.get_model("themes", "HistoricalStep")
    wanted = dict(TITLES)
    steps = [
        step
        for step in Step.objects.filter(title="").select_related("phase__theme")
        if (step.phase.theme.slug, step.phase.kind, step.number) in wanted
    ]
    if not steps:
        return
    with_history = set(
        HistoricalStep.objects.filter(id__in=[s.pk for s in steps]).values_list("id", flat=True)
    )
    now = timezone.now()
    rows = []
    for step in steps:
        if step.pk not in with_history:
            rows.append(
                _historical_row(
                    HistoricalStep, step, history_type="+", reason=BASELINE_REASON, when=now
                )
            )
        step.title = wanted[(step.phase.theme.slug, step.phase.kind, step.number)]
        Step.objects.filter(pk=step.pk, title="").update(title=step.title)
        rows.append(
            _historical_row(HistoricalStep, step, history_type="~", reason=REASON, when=now)
        )
    HistoricalStep.objects.bulk_create(rows)


def empty_titles(apps, schema_editor):
    """Going back empties only the titles this migration put there, unchanged since."""
    Step = apps.get_model("themes", "Step")
    for (theme, kind, number), title in TITLES:
        Step.objects.filter(
            phase__theme__slug=theme, phase__kind=kind, number=number, title=title
        ).update(title="")


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0004_step_title_resource_history"),
    ]

    operations = [migrations.RunPython(fill_titles, empty_titles)]
