"""The Quickscan questionnaire of 2027 for installations that already have one (issue 20).

New statements for preconditions the seeds name and the Quickscan did not ask, and six statements
that asked two or three things at once are split into single ones. The old statements are retired
in 2027 (they stay in every earlier round and in the comparison, shown as retired), the new
ones start in 2027 with keys of their own (shown as new). Rounds already opened keep the
questions they were opened with.

Nothing is overwritten: a key that already exists is left as it is, and a statement that beheer
has already retired keeps its own year. A fresh database has no questionnaire yet at this point;
`load_content` then loads fixtures/quickscan_vragenlijst.json, which holds the same version.
"""

from django.db import migrations
from django.utils import timezone

VERSION = 2027
REASON = "Vragenlijst 2027: nieuwe en gesplitste stellingen (issue 20)"

RETIRE = [
    "alg-actieplan",
    "dg-werkprocessen",
    "pr-landelijke-programmas",
    "ig-doel",
    "lo-publieksservice",
    "pf-een-verhaal",
]

# (key, section key, order, theme slug, phase kind, statement)
NEW = [
    (
        "alg-visie",
        "gezinsaanpak-algemeen",
        15,
        "gezinsaanpak-algemeen",
        "orientatie",
        "Collega's kunnen in een paar zinnen uitleggen wat de visie van onze bibliotheek op de "
        "gezinsaanpak is.",
    ),
    (
        "alg-plan-vastgesteld",
        "gezinsaanpak-algemeen",
        52,
        "gezinsaanpak-algemeen",
        "creatie",
        "Het MT heeft een actie- of stappenplan voor de gezinsaanpak vastgesteld.",
    ),
    (
        "alg-plan-begroting",
        "gezinsaanpak-algemeen",
        54,
        "gezinsaanpak-algemeen",
        "creatie",
        "Het actieplan heeft een begroting waarin ook de uren van medewerkers zijn meegeteld.",
    ),
    (
        "dg-aanbod-afgestemd",
        "doelgroepgericht-werken",
        52,
        "doelgroepgericht-werken",
        "implementatie",
        "Het aanbod voor de focusdoelgroep sluit aan op wat die groep nodig heeft.",
    ),
    (
        "dg-communicatie-afgestemd",
        "doelgroepgericht-werken",
        54,
        "doelgroepgericht-werken",
        "implementatie",
        "Er is een communicatie- of marketingplan dat speciaal op de focusdoelgroep is gericht.",
    ),
    (
        "dg-benadering",
        "doelgroepgericht-werken",
        56,
        "doelgroepgericht-werken",
        "implementatie",
        "Collega's hebben afspraken gemaakt over hoe ze ouders uit de focusdoelgroep benaderen.",
    ),
    (
        "dg-afbouwen",
        "doelgroepgericht-werken",
        58,
        "doelgroepgericht-werken",
        "implementatie",
        "We hebben besloten welk aanbod we afbouwen omdat het niet bij de focusdoelgroep past.",
    ),
    (
        "sw-ruimte-verbonden",
        "samenwerken-intern-en-extern",
        45,
        "samenwerken-intern-en-extern",
        "implementatie",
        "Het Taalhuis, de BoekStart-hoek en de jeugdafdeling liggen zo dicht bij elkaar dat je een "
        "ouder zonder omweg van de ene naar de andere plek meeneemt.",
    ),
    (
        "sw-verwijzingen-vastleggen",
        "samenwerken-intern-en-extern",
        46,
        "samenwerken-intern-en-extern",
        "implementatie",
        "Als een collega een ouder naar ander aanbod of naar een partner verwijst, wordt dat "
        "vastgelegd.",
    ),
    (
        "sw-verwijzingen-opvolgen",
        "samenwerken-intern-en-extern",
        47,
        "samenwerken-intern-en-extern",
        "implementatie",
        "Bij vastgelegde verwijzingen gaan we na of de ouder ook echt is aangekomen.",
    ),
    (
        "pr-landelijk-inzetten",
        "programmering",
        22,
        "programmering",
        "orientatie",
        "We zetten landelijk ontwikkelde programma's in, zoals BoekStart, de VoorleesExpress of de "
        "Bibliotheek op school.",
    ),
    (
        "pr-taalhuis-verbonden",
        "programmering",
        24,
        "programmering",
        "orientatie",
        "Ouders die met hun kind aan zo'n programma meedoen, horen ook wat het Taalhuis voor henzelf "
        "kan betekenen.",
    ),
    (
        "ig-doel-vastgelegd",
        "impactgericht-werken",
        12,
        "impactgericht-werken",
        "orientatie",
        "Het doel van onze gezinsaanpak is in een paar zinnen op papier gezet.",
    ),
    (
        "ig-doel-beleidsplan",
        "impactgericht-werken",
        14,
        "impactgericht-werken",
        "orientatie",
        "Het doel van de gezinsaanpak heeft een plek in het strategisch beleidsplan van de "
        "bibliotheek.",
    ),
    (
        "lo-ps-herkennen",
        "leren-en-ontwikkelen",
        42,
        "leren-en-ontwikkelen",
        "implementatie",
        "Medewerkers publieksservice herkennen de signalen dat een ouder moeite heeft met lezen, "
        "schrijven, rekenen of de computer.",
    ),
    (
        "lo-ps-aanspreken",
        "leren-en-ontwikkelen",
        44,
        "leren-en-ontwikkelen",
        "implementatie",
        "Medewerkers publieksservice durven een ouder op een passende manier aan te spreken over een "
        "mogelijke leervraag.",
    ),
    (
        "lo-ps-warm-verwijzen",
        "leren-en-ontwikkelen",
        46,
        "leren-en-ontwikkelen",
        "implementatie",
        "Medewerkers publieksservice brengen een ouder met een leervraag persoonlijk in contact met de "
        "collega of partner die verder helpt.",
    ),
    (
        "lo-kennisdeling",
        "leren-en-ontwikkelen",
        48,
        "leren-en-ontwikkelen",
        "implementatie",
        "Medewerkers komen op vaste momenten bij elkaar om ervaringen met de gezinsaanpak uit te "
        "wisselen.",
    ),
    (
        "pf-verhaal-pitch",
        "profilering-bij-gemeentelijke-gezinsaanpak",
        42,
        "profilering-bij-gemeentelijke-gezinsaanpak",
        "creatie",
        "Alle collega's die met de gemeente praten, kunnen het verhaal van onze gezinsaanpak in "
        "ongeveer een minuut vertellen.",
    ),
    (
        "pf-cijfers",
        "profilering-bij-gemeentelijke-gezinsaanpak",
        44,
        "profilering-bij-gemeentelijke-gezinsaanpak",
        "creatie",
        "De betrokken collega's kennen de actuele cijfers over laaggeletterdheid in onze gemeente.",
    ),
    (
        "pf-financiering",
        "profilering-bij-gemeentelijke-gezinsaanpak",
        55,
        "profilering-bij-gemeentelijke-gezinsaanpak",
        "implementatie",
        "De gemeente heeft voor de komende jaren geld voor onze gezinsaanpak toegezegd.",
    ),
    (
        "pf-signalen",
        "profilering-bij-gemeentelijke-gezinsaanpak",
        57,
        "profilering-bij-gemeentelijke-gezinsaanpak",
        "implementatie",
        "We laten de gemeente geregeld weten welke signalen we bij gezinnen opvangen, bijvoorbeeld dat "
        "hun vragen ingewikkelder worden.",
    ),
]


def _record_history(apps, item, history_type):
    historical = apps.get_model("quickscan", "HistoricalItem")
    names = {f.attname for f in historical._meta.concrete_fields}
    values = {
        f.attname: getattr(item, f.attname)
        for f in item._meta.concrete_fields
        if f.attname in names
    }
    historical.objects.create(
        **values, history_date=timezone.now(), history_type=history_type, history_change_reason=REASON
    )


def add_version(apps, schema_editor):
    Item = apps.get_model("quickscan", "Item")
    Section = apps.get_model("quickscan", "Section")
    if not Item.objects.exists():
        return  # no questionnaire loaded yet: load_content brings the current fixture
    sections = {s.key: s for s in Section.objects.all()}
    existing = set(Item.objects.values_list("key", flat=True))
    for key, section_key, order, theme_slug, phase_kind, text in NEW:
        if key in existing or section_key not in sections:
            continue
        item = Item.objects.create(
            key=key,
            section=sections[section_key],
            order=order,
            theme_slug=theme_slug,
            phase_kind=phase_kind,
            text=text,
            introduced_in=VERSION,
        )
        _record_history(apps, item, "+")
    for item in Item.objects.filter(
        key__in=RETIRE, retired_in__isnull=True, introduced_in__lt=VERSION
    ):
        item.retired_in = VERSION
        item.save(update_fields=["retired_in"])
        _record_history(apps, item, "~")


def remove_version(apps, schema_editor):
    Item = apps.get_model("quickscan", "Item")
    Item.objects.filter(key__in=RETIRE, retired_in=VERSION).update(retired_in=None)
    # A statement that a round has asked stays: its answers must keep their question.
    Item.objects.filter(
        key__in=[row[0] for row in NEW], introduced_in=VERSION, asked__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quickscan", "0002_history"),
    ]

    operations = [migrations.RunPython(add_version, remove_version)]
