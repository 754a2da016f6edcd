"""Mend the Wegwijzer texts that issue 20 found wrong (step 6 of programmering's creatie phase,
the stray fragment in its implementatie, a copied step in profilering's evaluatie, dates that
were no longer current, the lost example pitch, and a few small language slips).

A row is only updated while its text is still exactly the text the earlier fixture put there:
a library whose beheer has rewritten it keeps its own version. The texts are written out here
and not read from fixtures/, because the fixture will keep changing after this migration.
A fresh database has no content yet at this point; `load_content` then loads the new fixture.
"""

from django.db import migrations
from django.utils import timezone

REASON = "Inhoud bijgewerkt: teksten hersteld (issue 20)"

# (kind, natural key, field, old text, new text); the key is a theme or resource slug,
# (theme slug, phase kind) for a phase, or (theme slug, phase kind, step number) for a step.
CHANGES = [
    (
        "step",
        ("programmering", "creatie", 6),
        "text",
        "Uit onderzoek komt naar voren dat het gebruik van digitale middelen, bijvoorbeeld digitale "
        "prentenboeken, een gunstig effect heeft op hoe ouder en kind met elkaar in gesprek gaan over "
        "taal. Daarnaast zijn sommige groepen gemakkelijker te bereiken als je tablets inzet en "
        "digitale vaardigheden als invalshoek neemt. Taal & Tablets en Samen Digi-TAAL zijn hier "
        "voorbeelden van. Wil je hiermee aan de slag, neem dan contact met ons op.",
        "Onderzoek laat zien dat ouder en kind meer en rijker met elkaar praten wanneer ze samen "
        "digitale middelen gebruiken, zoals een digitaal prentenboek: de talige interactie tussen hen "
        "neemt toe. Ook bereik je sommige groepen makkelijker als je tablets inzet en digitale "
        "vaardigheden als ingang kiest; Taal & Tablets en Samen Digi-TAAL zijn programma's die zo "
        "werken. Om een van die programma's te starten, kun je advies en ondersteuning vragen aan je "
        "POI.",
    ),
    (
        "step",
        ("programmering", "implementatie", 2),
        "text",
        "Verspreid dit stappenplan binnen de organisatie, bespreek het met je externe partners en zorg "
        "dat alle betrokkenen erachter staan. Let daarbij ook op de inrichting en op het verhaal dat je "
        "richting stakeholders vertelt.",
        "Leg het plan uit stap 1 voor aan je collega's en aan de externe partners die eraan meewerken. "
        "Bespreek het met hen tot iedereen die er een taak in heeft, zich erin kan vinden en weet wat "
        "er van hem of haar wordt verwacht. Pas daarna ga je uitvoeren.",
    ),
    (
        "step",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "evaluatie", 5),
        "text",
        "Vraag medewerkers naar hun ervaringen en inzichten, zodat je te weten komt of de scholing past "
        "bij wat zij willen leren en wat zij ervan verwachtten. Zo lever je ook een bijdrage aan de "
        "doelen voor de gezinsaanpak die in het beleidsplan zijn vastgelegd.",
        "Vraag ook de gemeente en je partners hoe zij naar de bibliotheek kijken: welke rol speelt de "
        "bibliotheek volgens hen in de gezinsaanpak, en wat verwachten ze in de komende periode van "
        "jullie? Leg hun antwoorden naast de rol die jullie in de oriëntatiefase voor de bibliotheek "
        "kozen. Zien zij jullie anders dan jullie zelf bedoelden, neem dat verschil dan mee in het "
        "bijgestelde plan van aanpak en in je verhaal.",
    ),
    (
        "phase",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie"),
        "purpose",
        "Voor de bibliotheek is de gemeente een belangrijke stakeholder en partner: je wilt haar goed "
        "op de hoogte houden, erbij betrekken en overtuigen. Een sterke band met de gemeente is daarom "
        "van groot belang. Zoek in deze fase samen met je MT uit aan welke doelen van het "
        "gemeentebestuur jullie als bibliotheek met de gezinsaanpak bijdragen. Het loont ook om het "
        "coalitieakkoord of het collegeprogramma eens te lezen, omdat daarin de basis ligt voor het "
        "beleid van de komende jaren.\n"
        "\n"
        "Tegen het einde van 2024 horen Nederlandse gemeenten de regie te voeren over de gezinsaanpak "
        "geletterdheid. Het doel daarvan is eraan bij te dragen dat er niet opnieuw een generatie "
        "laaggeletterden opgroeit. Daarom is het belangrijk dat gemeenten inzien waarom een duurzame "
        "gezinsaanpak ertoe doet en dat ze daar samen met maatschappelijke organisaties op inzetten. "
        "Daarvoor is een goed geregisseerde samenwerking nodig in een netwerk van partners uit "
        "verschillende domeinen.\n"
        "\n"
        "Het Ministerie van Onderwijs, Cultuur en Wetenschap (OCW) heeft besloten dat er een aanpak "
        "voor gemeenten moest komen, zodat zij zich kunnen voorbereiden op hun regierol in de "
        "gezinsaanpak. Die aanpak wordt ontwikkeld binnen het project Gemeentelijke Gezinsaanpak "
        "Geletterdheid (GGG) en vormt een aanvulling op de Aanpak Laaggeletterdheid Gemeenten. "
        "Stichting Lezen en Schrijven maakte voor dit project een stappenplan, samen met Stichting "
        "Lezen als penvoerder en met de KB. Daarbij werken ook de Vereniging van Nederlandse Gemeenten "
        "(VNG) en een aantal afzonderlijke gemeenten mee. Met dat stappenplan krijgen gemeenten "
        "praktische handvatten om de gezinsaanpak in te richten en er de regie over te voeren. "
        "Bibliotheken hebben daarin nadrukkelijk een verbindende rol. Het project werkt daarom niet "
        "alleen nauw samen met losse gemeenten en de VNG, maar ook met afzonderlijke bibliotheken en "
        "met de landelijke bibliotheekorganisaties. Op de website van het project vind je meer "
        "informatie.\n"
        "\n"
        "Doet jouw bibliotheek niet actief mee aan dit project? Dan is het toch verstandig om bij deze "
        "ontwikkeling aan te sluiten. Zo ga je na hoe je bereikt dat de gemeente de bibliotheek serieus "
        "neemt als partner in de gezinsaanpak, en hoe je een langdurige relatie met de gemeente opbouwt "
        "en onderhoudt. In dit thema lees je hoe je dat kunt doen.",
        "Voor de bibliotheek is de gemeente een belangrijke stakeholder en partner: je wilt haar goed "
        "op de hoogte houden, erbij betrekken en overtuigen. Een sterke band met de gemeente is daarom "
        "van groot belang. Zoek in deze fase samen met je MT uit aan welke doelen van het "
        "gemeentebestuur jullie als bibliotheek met de gezinsaanpak bijdragen. Het loont ook om het "
        "coalitieakkoord of het collegeprogramma eens te lezen, omdat daarin de basis ligt voor het "
        "beleid van de komende jaren.\n"
        "\n"
        "Sinds 2025 zijn gemeenten verantwoordelijk voor de gezinsaanpak geletterdheid: zij voeren er "
        "de regie over. Het doel is te voorkomen dat weer een generatie opgroeit die niet goed kan "
        "lezen en schrijven. Dat lukt een gemeente niet alleen; ze heeft een netwerk nodig van "
        "maatschappelijke organisaties uit verschillende domeinen, dat goed wordt aangestuurd. Voor de "
        "bibliotheek is dat een kans om zich te laten zien als de partner die dit netwerk helpt "
        "verbinden.\n"
        "\n"
        "Om gemeenten op deze regierol voor te bereiden, liet het Ministerie van Onderwijs, Cultuur en "
        "Wetenschap (OCW) een aanpak ontwikkelen binnen het project Gemeentelijke Gezinsaanpak "
        "Geletterdheid (GGG), als aanvulling op de Aanpak Laaggeletterdheid Gemeenten. Stichting Lezen "
        "en Schrijven maakte daarvoor een stappenplan, met Stichting Lezen als penvoerder en samen met "
        "de KB, de Vereniging van Nederlandse Gemeenten (VNG), gemeenten en bibliotheken. In dat "
        "stappenplan hebben bibliotheken nadrukkelijk een verbindende rol. Op de website van het "
        "project vind je meer informatie.\n"
        "\n"
        "Ook als jouw bibliotheek niet aan het project heeft meegedaan, is het verstandig om te weten "
        "hoe jouw gemeente haar regierol invult. Zo ga je na hoe je bereikt dat de gemeente de "
        "bibliotheek serieus neemt als partner in de gezinsaanpak, en hoe je een langdurige relatie met "
        "de gemeente opbouwt en onderhoudt. In dit thema lees je hoe je dat kunt doen.",
    ),
    (
        "step",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "orientatie", 2),
        "text",
        "Lees het regionale meerjarenplan 2020-2024 waarin jouw regio beschrijft hoe zij "
        "laaggeletterdheid aanpakt. Welke rol speelt jouw gemeente daarin? Binnen de regio sturen de "
        "contactgemeenten aan. Op welke onderdelen van het plan kan de gemeentelijke gezinsaanpak "
        "aansluiten? En is het mogelijk om ervaringen te delen met andere bibliotheken uit dezelfde "
        "regio?",
        "Zoek het regionale plan op waarin jouw regio beschrijft hoe zij laaggeletterdheid aanpakt. Het "
        "meerjarenplan 2020-2024 is afgelopen; vraag de contactgemeente van je regio welk plan er nu "
        "geldt. Welke rol speelt jouw gemeente daarin? Binnen de regio sturen de contactgemeenten aan. "
        "Op welke onderdelen van het plan kan de gemeentelijke gezinsaanpak aansluiten? En is het "
        "mogelijk om ervaringen te delen met andere bibliotheken uit dezelfde regio?",
    ),
    (
        "theme",
        "profilering-bij-gemeentelijke-gezinsaanpak",
        "intro",
        "Gemeenten krijgen de regie over de gezinsaanpak geletterdheid, en daarom is het voor de "
        "bibliotheek van groot belang dat de gemeente haar ziet als een volwaardige partner. Dit thema "
        "helpt je om je als bibliotheek bij de gemeente op de kaart te zetten, één helder verhaal over "
        "je gezinsaanpak te vertellen en een blijvende relatie met de gemeente op te bouwen.",
        "Sinds 2025 hebben gemeenten de regie over de gezinsaanpak geletterdheid, en daarom is het voor "
        "de bibliotheek van groot belang dat de gemeente haar ziet als een volwaardige partner. Dit "
        "thema helpt je om je als bibliotheek bij de gemeente op de kaart te zetten, één helder verhaal "
        "over je gezinsaanpak te vertellen en een blijvende relatie met de gemeente op te bouwen.",
    ),
    (
        "step",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 1),
        "text",
        "Breng je verhaal terug tot de essentie: wat zijn de kernelementen van jullie gezinsaanpak? "
        "Maak daarmee een 'Elevator pitch': een verhaal van ongeveer een minuut waarin je uitlegt wat "
        "jullie gezinsaanpak inhoudt en waarom de gemeente eraan zou moeten bijdragen. Sluit daarbij "
        "aan op wat de gemeente nodig heeft en houd rekening met de landelijke en regionale context "
        "waarin je werkt, zodat duidelijk wordt hoe urgent de gemeentelijke gezinsaanpak is.\n"
        "\n"
        "Een voorbeeld is de elevator pitch die Barbara Teuben van Bibliotheek De Plataan maakte. Zij "
        "opent met de vaststelling dat een kwart van de kinderen van de basisschool komt met een "
        "taalachterstand van twee jaar, en dat in Maassluis en Vlaardingen 1 op de 6 volwassenen zelf "
        "niet goed kan lezen, schrijven of rekenen, of moeite heeft met digitale vaardigheden. Daarom "
        "is het echt nodig om hier iets aan te doen. Kinderen van ouders voor wie taal lastig is, lopen "
        "later zelf ook een grote kans op taalproblemen, waardoor laaggeletterdheid van generatie op "
        "generatie kan doorgaan. De bibliotheek wil helpen die cirkel te doorbreken door ouders te "
        "stimuleren aan hun eigen taal- en rekenvaardigheden te werken, voor zichzelf én voor hun kind; "
        "ieder wil tenslotte het beste voor zijn kind. De bibliotheek is daarbij te vinden op de "
        "plekken waar ouders en kinderen ook komen. Ze sluit af met de wens om samen met partners te "
        "bespreken hoe jullie samen het verschil kunnen maken, en met de vraag wanneer de ander daar "
        "tijd voor heeft.",
        "Breng je verhaal terug tot de essentie: wat zijn de kernelementen van jullie gezinsaanpak? "
        "Maak daarmee een 'Elevator pitch': een verhaal van ongeveer een minuut waarin je uitlegt wat "
        "jullie gezinsaanpak inhoudt en waarom de gemeente eraan zou moeten bijdragen. Sluit daarbij "
        "aan op wat de gemeente nodig heeft en houd rekening met de landelijke en regionale context "
        "waarin je werkt, zodat duidelijk wordt hoe urgent de gemeentelijke gezinsaanpak is.\n"
        "\n"
        "Een voorbeeld, naar de pitch van Barbara Teuben van Bibliotheek De Plataan, zoals je hem "
        "hardop zou kunnen zeggen:\n"
        "\n"
        "'Een kwart van de kinderen begint op de middelbare school met twee jaar taalachterstand. Hier "
        "in Maassluis en Vlaardingen heeft 1 op de 6 volwassenen zelf moeite met lezen, schrijven, "
        "rekenen of de computer. Die twee cijfers horen bij elkaar: een kind van ouders voor wie taal "
        "lastig is, loopt een grote kans om later zelf ook vast te lopen. Zo gaat laaggeletterdheid van "
        "ouder op kind over. Die cyclus willen wij als bibliotheek helpen doorbreken. We moedigen "
        "ouders aan om aan hun eigen taal en rekenen te werken: voor henzelf, en net zo goed voor hun "
        "kind, want elke ouder wil dat het zijn kind goed gaat. En we wachten niet tot ze naar ons toe "
        "komen: we zijn te vinden op de plekken waar ouders met hun kinderen al komen. Ik wil graag met "
        "jou en onze partners bespreken hoe we hier samen het verschil maken. Wanneer kunnen we "
        "afspreken?'",
    ),
    (
        "step",
        ("programmering", "orientatie", 1),
        "text",
        "Begin in je eigen organisatie: welke activiteiten zijn er al voor volwassenen en voor "
        "kinderen? Zet ze op een rij en onderzoek waar je activiteiten kunt ontwikkelen die speciaal "
        "gericht zijn op het laagtaalvaardige gezin. Je kunt daarvoor ook wat er al is aan elkaar "
        "koppelen of ze uit te breiden. Denk bijvoorbeeld aan de gezinnen die deelnemen aan de "
        "VoorleesExpress: wat kun je voor hen doen en met welke vragen om ondersteuning zitten de "
        "ouders?",
        "Begin in je eigen organisatie: welke activiteiten zijn er al voor volwassenen en voor "
        "kinderen? Zet ze op een rij en onderzoek waar je activiteiten kunt ontwikkelen die speciaal "
        "gericht zijn op het laagtaalvaardige gezin. Je kunt ook activiteiten die er al zijn aan elkaar "
        "koppelen of uitbreiden. Denk bijvoorbeeld aan de gezinnen die deelnemen aan de "
        "VoorleesExpress: wat kun je voor hen doen en met welke vragen om ondersteuning zitten de "
        "ouders?",
    ),
    (
        "step",
        ("leren-en-ontwikkelen", "orientatie", 2),
        "text",
        "Begin bij je eigen organisatie: ga per doelgroep na welke kennis en vaardigheden vereist zijn "
        "en wat mensen nog willen of moeten leren. Qua kennis is het bijvoorbeeld van belang dat "
        "medewerkers van de publieksservice weten wat laaggeletterdheid inhoudt en begrijpen hoe de "
        "gezinsaanpak kan voorkomen dat die van generatie op generatie wordt doorgegeven. Ook kan het "
        "gaan om kennis van wat de bibliotheek te bieden heeft aan gezinnen met een beperkte "
        "taalvaardigheid. Qua vaardigheden draait het om laaggeletterdheid opmerken, signaleren en ter "
        "sprake brengen, en om goed uitvragen waarbij ouders ondersteuning zoeken.",
        "Begin bij je eigen organisatie: ga per doelgroep na welke kennis en vaardigheden vereist zijn "
        "en wat mensen nog willen of moeten leren. Qua kennis is het bijvoorbeeld van belang dat "
        "medewerkers van de publieksservice weten wat laaggeletterdheid inhoudt en begrijpen hoe de "
        "gezinsaanpak kan voorkomen dat die van generatie op generatie wordt doorgegeven. Ook kan het "
        "gaan om kennis van wat de bibliotheek te bieden heeft aan gezinnen met een beperkte "
        "taalvaardigheid. Qua vaardigheden draait het om laaggeletterdheid opmerken, signaleren en ter "
        "sprake brengen, en om goed uitvragen waarvoor ouders ondersteuning zoeken.",
    ),
    (
        "phase",
        ("doelgroepgericht-werken", "evaluatie"),
        "summary_question",
        "Bereiken jullie echt de doelgroep die je voor ogen had, en halen jullie de doelen? Als dat "
        "niet zo is: wat is er nodig om de doelgroep alsnog te bereiken of de doelen alsnog te halen? "
        "Of moeten de doelen worden aangepast?",
        "Bereiken jullie echt de doelgroep die jullie voor ogen hadden, en halen jullie de doelen? Als "
        "dat niet zo is: wat is er nodig om de doelgroep alsnog te bereiken of de doelen alsnog te "
        "halen? Of moeten de doelen worden aangepast?",
    ),
    (
        "step",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "creatie", 6),
        "text",
        "Hebben jullie een Theory of Change voor de gezinsaanpak van jouw bibliotheek? Neem die dan "
        "opnieuw erbij. Naast het doel staat daar soms ook een probleemstelling in, een begrijpelijk "
        "verhaal (narratief), een theoretische onderbouwing op basis van bestaand onderzoek en een "
        "meetplan. Dat kun je allemaal inzetten om je verhaal steviger te onderbouwen.",
        "Hebben jullie een Theory of Change voor de gezinsaanpak van jullie bibliotheek? Neem die dan "
        "opnieuw erbij. Naast het doel staat daar soms ook een probleemstelling in, een begrijpelijk "
        "verhaal (narratief), een theoretische onderbouwing op basis van bestaand onderzoek en een "
        "meetplan. Dat kun je allemaal inzetten om je verhaal steviger te onderbouwen.",
    ),
    (
        "step",
        ("gezinsaanpak-algemeen", "orientatie", 4),
        "text",
        "Betrek belangrijke samenwerkingspartners bij de gezinsaanpak. Het thema Samenwerken – intern "
        "en extern gaat hier verder op in; om alvast te beginnen kun je het document Netwerkaanpak "
        "gebruiken.",
        "Betrek belangrijke samenwerkingspartners bij de gezinsaanpak. Het thema Samenwerken intern en "
        "extern gaat hier verder op in; om alvast te beginnen kun je het document Netwerkaanpak "
        "gebruiken.",
    ),
    (
        "phase",
        ("gezinsaanpak-algemeen", "implementatie"),
        "purpose",
        "In deze fase gaat de werkgroep aan de slag met de uitvoering van het actie- of stappenplan. "
        "Zorg dat de hele organisatie weet wat er te gebeuren staat en dat iedereen die erbij betrokken "
        "is, weet wat er van hem of haar verwacht wordt.\n"
        "\n"
        "Besteed in deze fase ook aandacht aan de behoeften van medewerkers: wat hebben zij nodig om de "
        "gezinsaanpak te laten slagen? Denk aan deskundigheidsbevordering en het ontwikkelen van "
        "competenties. De thema's Samenwerken – intern en extern en Leren en ontwikkelen gaan hier "
        "dieper op in.\n"
        "\n"
        "Samengevat: de gezinsaanpak werkt het best als iedereen de krachten bundelt.",
        "In deze fase gaat de werkgroep aan de slag met de uitvoering van het actie- of stappenplan. "
        "Zorg dat de hele organisatie weet wat er te gebeuren staat en dat iedereen die erbij betrokken "
        "is, weet wat er van hem of haar verwacht wordt.\n"
        "\n"
        "Besteed in deze fase ook aandacht aan de behoeften van medewerkers: wat hebben zij nodig om de "
        "gezinsaanpak te laten slagen? Denk aan deskundigheidsbevordering en het ontwikkelen van "
        "competenties. De thema's Samenwerken intern en extern en Leren en ontwikkelen gaan hier dieper "
        "op in.\n"
        "\n"
        "Samengevat: de gezinsaanpak werkt het best als iedereen de krachten bundelt.",
    ),
    (
        "resource",
        "netwerkaanpak",
        "description",
        "Document dat je helpt om belangrijke samenwerkingspartners bij de gezinsaanpak te betrekken; "
        "een eerste opstap naar het thema Samenwerken – intern en extern.",
        "Document dat je helpt om belangrijke samenwerkingspartners bij de gezinsaanpak te betrekken; "
        "een eerste opstap naar het thema Samenwerken intern en extern.",
    ),
    (
        "step",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 3),
        "text",
        "Zet de partners voor de gemeentelijke gezinsaanpak op een rij, samen met de organisaties die "
        "bijdragen aan het voorkomen en bestrijden van laaggeletterdheid (preventie en curatie). "
        "Gebruik daarvoor bijvoorbeeld een eigen overzicht of de gemeentelijke sociale kaart, zodat je "
        "een bredere omgevingsanalyse krijgt. Kijk verder dan de voor de hand liggende partners uit "
        "zorg, welzijn en onderwijs, en denk ook aan onverwachte partners: voedselbanken, "
        "woningbouwcorporaties, kerken, moskeeën en speelplaatsen. Gebruik daarnaast het "
        "Wegwijzer-thema Samenwerken – intern en extern.",
        "Zet de partners voor de gemeentelijke gezinsaanpak op een rij, samen met de organisaties die "
        "bijdragen aan het voorkomen en bestrijden van laaggeletterdheid (preventie en curatie). "
        "Gebruik daarvoor bijvoorbeeld een eigen overzicht of de gemeentelijke sociale kaart, zodat je "
        "een bredere omgevingsanalyse krijgt. Kijk verder dan de voor de hand liggende partners uit "
        "zorg, welzijn en onderwijs, en denk ook aan onverwachte partners: voedselbanken, "
        "woningbouwcorporaties, kerken, moskeeën en speelplaatsen. Gebruik daarnaast het "
        "Wegwijzer-thema Samenwerken intern en extern.",
    ),
    (
        "step",
        ("profilering-bij-gemeentelijke-gezinsaanpak", "implementatie", 6),
        "text",
        "Dankzij al deze inspanningen schuift de bibliotheek nu aan bij de gemeente en bij de lokale "
        "overleggen die ertoe doen. Zorg goed voor de bestaande relaties en houd vooral de gemeenteraad "
        "goed op de hoogte. Daarbij helpt het blog Vijf tips voor een continue lobby richting de "
        "gemeente. Ook het thema Samenwerken in deze Wegwijzer geeft aanknopingspunten.",
        "Dankzij al deze inspanningen schuift de bibliotheek nu aan bij de gemeente en bij de lokale "
        "overleggen die ertoe doen. Zorg goed voor de bestaande relaties en houd vooral de gemeenteraad "
        "goed op de hoogte. Daarbij helpt het blog Vijf tips voor een continue lobby richting de "
        "gemeente. Ook het Wegwijzer-thema Samenwerken intern en extern geeft aanknopingspunten.",
    ),
    (
        "step",
        ("leren-en-ontwikkelen", "creatie", 5),
        "text",
        "Koppel met wat je in de vorige stappen hebt verzameld de doelgroepen, de benodigde kennis en "
        "vaardigheden en het aanbod dat er al is aan elkaar. Daarvoor gebruik je de overzichtstabel "
        "Leren & Ontwikkelen; aan de hand daarvan stel je met je collega van HR het leertraject op. "
        "Zorg ook voor de financiering: stel een begroting op en reken daarin ook de benodigde tijd als "
        "kostenpost mee.\n"
        "\n"
        "Het landelijke aanbod wordt nog verder ontwikkeld, dus niet voor iedere leerbehoefte is al "
        "iets beschikbaar. Kom je iets tekort? Laat het dan per mail weten.",
        "Koppel met wat je in de vorige stappen hebt verzameld de doelgroepen, de benodigde kennis en "
        "vaardigheden en het aanbod dat er al is aan elkaar. Daarvoor gebruik je de overzichtstabel "
        "Leren & Ontwikkelen; aan de hand daarvan stel je met je collega van HR het leertraject op. "
        "Zorg ook voor de financiering: stel een begroting op en reken daarin ook de benodigde tijd als "
        "kostenpost mee.\n"
        "\n"
        "Het landelijke scholingsaanbod groeit nog, dus voor sommige leerbehoeften bestaat nog niets. "
        "Vind je in het landelijke overzicht geen passend aanbod voor een leerbehoefte, meld dat dan "
        "bij je POI: die brengt het onder de aandacht van wie het landelijke aanbod samenstelt.",
    ),
]


def _row(apps, kind, key):
    if kind == "theme":
        return apps.get_model("themes", "Theme").objects.filter(slug=key).first()
    if kind == "resource":
        return apps.get_model("themes", "Resource").objects.filter(slug=key).first()
    if kind == "phase":
        theme_slug, phase_kind = key
        return (
            apps.get_model("themes", "Phase")
            .objects.filter(theme__slug=theme_slug, kind=phase_kind)
            .first()
        )
    theme_slug, phase_kind, number = key
    return (
        apps.get_model("themes", "Step")
        .objects.filter(phase__theme__slug=theme_slug, phase__kind=phase_kind, number=number)
        .first()
    )


def _record_history(apps, obj):
    """Keep the audit trail honest: a content update is a change like any other."""
    try:
        historical = apps.get_model("themes", "Historical" + obj._meta.object_name)
    except LookupError:
        return
    names = {f.attname for f in historical._meta.concrete_fields}
    values = {
        f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname in names
    }
    historical.objects.create(
        **values, history_date=timezone.now(), history_type="~", history_change_reason=REASON
    )


def _apply(apps, *, forwards: bool) -> int:
    updated = 0
    for kind, key, field, old, new in CHANGES:
        expected, replacement = (old, new) if forwards else (new, old)
        obj = _row(apps, kind, key)
        # Compare exactly: anything else is a library's own edit and stays.
        if obj is None or getattr(obj, field) != expected:
            continue
        setattr(obj, field, replacement)
        type(obj).objects.filter(pk=obj.pk).update(**{field: replacement})
        _record_history(apps, obj)
        updated += 1
    return updated


def mend_texts(apps, schema_editor):
    _apply(apps, forwards=True)


def restore_texts(apps, schema_editor):
    _apply(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [
        ("themes", "0002_historicalcycle_historicalphase_historicalstep_and_more"),
    ]

    operations = [migrations.RunPython(mend_texts, restore_texts)]
